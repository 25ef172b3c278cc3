package dev.satchel.application.webhook;

import dev.satchel.domain.tx.TransactionBoundary;
import dev.satchel.domain.webhook.DeliveryState;
import dev.satchel.domain.webhook.PendingDelivery;
import dev.satchel.domain.webhook.SendResult;
import dev.satchel.domain.webhook.WebhookDeliveries;
import dev.satchel.domain.webhook.WebhookSender;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One delivery attempt: claim a due row in a short transaction (picked with {@code FOR UPDATE SKIP
 * LOCKED}, leased until {@code lease} from now, so no other worker or replica takes it), POST it
 * with no transaction open, then record the outcome in a second short transaction under the
 * claim's token. A worker that dies mid-attempt leaves the row due again when the lease ends:
 * at-least-once, never two workers at once. Holding the row lock through the POST instead was
 * measured to hold PostgreSQL's oldest-running-transaction horizon for the whole POST (a row lock
 * assigns a transaction id), which stalls every outbox reader, live streams included, for up to
 * the timeout. A 2xx delivers; a 410 gives the delivery up at once; anything else is retried on
 * the {@link RetrySchedule}.
 */
public final class DeliverWebhooksService implements DeliverWebhooksUseCase {
  private final WebhookDeliveries deliveries;
  private final WebhookSender sender;
  private final RetrySchedule schedule;
  private final Duration lease;
  private final Clock clock;
  private final TransactionBoundary tx;

  /** @param lease how long a claim keeps a delivery from other workers: longer than any attempt */
  public DeliverWebhooksService(WebhookDeliveries deliveries, WebhookSender sender, RetrySchedule schedule,
      Duration lease, Clock clock, TransactionBoundary tx) {
    this.deliveries = deliveries;
    this.sender = sender;
    this.schedule = schedule;
    this.lease = lease;
    this.clock = clock;
    this.tx = tx;
  }

  @Override
  public Optional<DeliveryState> deliverNext() {
    Instant now = clock.instant();
    return tx.inTransaction(() -> deliveries.claimDue(now, now.plus(lease))).map(this::attempt);
  }

  private DeliveryState attempt(PendingDelivery delivery) {
    SendResult result = sender.send(delivery, clock.instant());
    Instant finished = clock.instant();
    Optional<Instant> next = result.delivered() || gone(result)
        ? Optional.empty()
        : schedule.after(delivery.nextAttempt(), delivery.queuedAt(), finished);
    DeliveryState state = result.delivered() ? DeliveryState.DELIVERED
        : next.isPresent() ? DeliveryState.RETRYING : DeliveryState.FAILED;
    // false: the lease ran out (impossible while lease > timeout) or the webhook is gone; nothing to keep
    tx.inTransaction(() -> deliveries.recordAttempt(delivery, result, finished, state, next));
    return state;
  }

  /** 410: the receiver says it wants no more (Standard Webhooks, "Delivery success and failure"). */
  private static boolean gone(SendResult result) {
    return result.statusCode().isPresent() && result.statusCode().getAsInt() == 410;
  }
}
