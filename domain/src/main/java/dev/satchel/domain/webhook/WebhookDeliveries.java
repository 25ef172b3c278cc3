package dev.satchel.domain.webhook;

import dev.satchel.domain.event.Event;
import dev.satchel.domain.event.OutboxPosition;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Out-port: the delivery queue and its attempt log. Callers provide the transaction; a claim holds
 * its row lock until that transaction ends, which is what keeps two replicas off one delivery.
 */
public interface WebhookDeliveries {

  /**
   * Queues one delivery of the event for each webhook of its owner that matches its type and
   * existed when it occurred, due at {@code dueAt}. Queuing the same event twice adds nothing.
   *
   * @param payload the event's wire JSON, sent as is by every attempt
   * @return how many deliveries were queued
   */
  int enqueue(Event event, String payload, Instant dueAt);

  /**
   * Locks the fan-out's place in the event outbox until the caller's transaction ends; empty when
   * another transaction (another replica) holds it, which is then the one fanning out.
   */
  Optional<OutboxPosition> lockOutboxCursor();

  /** Moves the locked place forward; commits together with the deliveries queued. */
  void moveOutboxCursor(OutboxPosition position);

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

  /**
   * Deletes deliveries that were queued before {@code cutoff} and are finished (delivered or given
   * up), with their attempts; pending ones stay whatever their age.
   *
   * @return how many deliveries were deleted
   */
  int purgeFinishedBefore(Instant cutoff);

  /** The webhook's latest attempts, newest first, at most {@code limit}. */
  List<DeliveryAttempt> latestAttempts(WebhookId webhook, int limit);
}
