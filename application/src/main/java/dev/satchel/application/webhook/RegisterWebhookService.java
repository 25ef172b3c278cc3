package dev.satchel.application.webhook;

import dev.satchel.domain.id.IdGenerator;
import dev.satchel.domain.tx.TransactionBoundary;
import dev.satchel.domain.webhook.DestinationGuard;
import dev.satchel.domain.webhook.EventFilter;
import dev.satchel.domain.webhook.Webhook;
import dev.satchel.domain.webhook.WebhookDeliveries;
import dev.satchel.domain.webhook.WebhookId;
import dev.satchel.domain.webhook.WebhookRepository;
import dev.satchel.domain.webhook.WebhookSecret;
import dev.satchel.domain.webhook.WebhookUrl;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Set;

/**
 * Validates the URL's shape and the event names, checks the destination (DNS included) before
 * any write, then stores the webhook with a fresh 32-byte secret. The webhook receives the events
 * that occur from its creation time on; that time is taken while holding the fan-out's outbox
 * cursor, so no fan-out can be between reading an event and queuing it meanwhile, and every event
 * the fan-out passed (or skipped while no webhook existed) occurred before it.
 */
public final class RegisterWebhookService implements RegisterWebhookUseCase {
  private final WebhookRepository webhooks;
  private final WebhookDeliveries deliveries;
  private final DestinationGuard guard;
  private final IdGenerator ids;
  private final SecureRandom random;
  private final Clock clock;
  private final TransactionBoundary tx;
  private final Set<String> eventTypes;

  /** @param eventTypes the names a webhook may subscribe to: every event type the outbox writes */
  public RegisterWebhookService(WebhookRepository webhooks, WebhookDeliveries deliveries, DestinationGuard guard, IdGenerator ids,
      SecureRandom random, Clock clock, TransactionBoundary tx, Set<String> eventTypes) {
    this.webhooks = webhooks;
    this.deliveries = deliveries;
    this.guard = guard;
    this.ids = ids;
    this.random = random;
    this.clock = clock;
    this.tx = tx;
    this.eventTypes = Set.copyOf(eventTypes);
  }

  @Override
  public Webhook register(RegisterWebhookCommand command) {
    WebhookUrl url = WebhookUrl.parse(command.url());
    EventFilter events = command.events()
        .map(names -> EventFilter.parse(names, eventTypes))
        .orElseGet(EventFilter::all);
    guard.checkRegistrable(url);
    WebhookId id = new WebhookId(ids.newId());
    WebhookSecret secret = WebhookSecret.random(random);
    return tx.inTransaction(() -> {
      deliveries.holdOutboxCursor();
      Webhook webhook = new Webhook(id, command.caller(), url, events, secret, clock.instant());
      webhooks.add(webhook);
      return webhook;
    });
  }
}
