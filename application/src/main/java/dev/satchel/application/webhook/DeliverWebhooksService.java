package dev.satchel.application.webhook;

import dev.satchel.domain.tx.TransactionBoundary;
import dev.satchel.domain.webhook.DeliveryState;
import dev.satchel.domain.webhook.PendingDelivery;
import dev.satchel.domain.webhook.SendResult;
import dev.satchel.domain.webhook.WebhookDeliveries;
import dev.satchel.domain.webhook.WebhookSender;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * One delivery attempt inside one transaction: claim a due row (locked, skipped by every other
 * worker and replica), POST it, record the outcome, commit. The row lock is the only mutual
 * exclusion: a worker that dies mid-attempt rolls back and the row is due again at once, so an
 * event is delivered at least once and never by two workers at the same time. The transaction
 * stays open for the POST, which the sender bounds by its timeout. A 2xx delivers; a 410 gives the
 * delivery up at once; anything else is retried on the {@link RetrySchedule}.
 */
public final class DeliverWebhooksService implements DeliverWebhooksUseCase {
  private final WebhookDeliveries deliveries;
  private final WebhookSender sender;
  private final RetrySchedule schedule;
  private final Clock clock;
  private final TransactionBoundary tx;

  public DeliverWebhooksService(WebhookDeliveries deliveries, WebhookSender sender, RetrySchedule schedule,
      Clock clock, TransactionBoundary tx) {
    this.deliveries = deliveries;
    this.sender = sender;
    this.schedule = schedule;
    this.clock = clock;
    this.tx = tx;
  }

  @Override
  public Optional<DeliveryState> deliverNext() {
    return tx.inTransaction(() -> deliveries.claimDue(clock.instant()).map(this::attempt));
  }

  private DeliveryState attempt(PendingDelivery delivery) {
    SendResult result = sender.send(delivery, clock.instant());
    Instant finished = clock.instant();
    Optional<Instant> next = result.delivered() || gone(result)
        ? Optional.empty()
        : schedule.after(delivery.nextAttempt(), delivery.queuedAt(), finished);
    DeliveryState state = result.delivered() ? DeliveryState.DELIVERED
        : next.isPresent() ? DeliveryState.RETRYING : DeliveryState.FAILED;
    deliveries.recordAttempt(delivery, result, finished, state, next);
    return state;
  }

  /** 410: the receiver says it wants no more (Standard Webhooks, "Delivery success and failure"). */
  private static boolean gone(SendResult result) {
    return result.statusCode().isPresent() && result.statusCode().getAsInt() == 410;
  }
}
