package dev.satchel.domain.webhook;

import dev.satchel.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Out-port: the delivery queue and its attempt log. Callers provide the transaction; a claim holds
 * its row lock until that transaction ends, which is what keeps two replicas off one delivery.
 */
public interface WebhookDeliveries {

  /**
   * Queues one delivery of the event for each of the owner's webhooks whose filter matches its
   * type, due at {@code at}. Queuing the same event twice adds nothing (at-least-once upstream is
   * exactly-once here).
   *
   * @return how many deliveries were queued
   */
  int enqueue(UserId owner, UUID eventId, String eventType, String payload, Instant at);

  /**
   * Claims the most overdue pending delivery due at {@code now}, locking its row until the
   * caller's transaction ends; rows another transaction holds are skipped, never waited for
   * ({@code FOR UPDATE SKIP LOCKED}).
   */
  Optional<PendingDelivery> claimDue(Instant now);

  /**
   * Records the attempt just made on a claimed delivery and moves the delivery to {@code state},
   * due again at {@code nextAttemptAt} when retrying.
   */
  void recordAttempt(PendingDelivery delivery, SendResult result, Instant attemptedAt, DeliveryState state,
      Optional<Instant> nextAttemptAt);

  /** The webhook's latest attempts, newest first, at most {@code limit}. */
  List<DeliveryAttempt> latestAttempts(WebhookId webhook, int limit);
}
