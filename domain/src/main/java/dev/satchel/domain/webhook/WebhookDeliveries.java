package dev.satchel.domain.webhook;

import dev.satchel.domain.event.Event;
import dev.satchel.domain.event.OutboxPosition;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Out-port: the delivery queue and its attempt log. Callers provide the transactions. A claim picks
 * a row with {@code FOR UPDATE SKIP LOCKED} and leases it in that same short transaction; the
 * attempt itself runs outside any transaction (see {@code DeliverWebhooksService} for why).
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

  /**
   * Locks the fan-out's place in the event outbox until the caller's transaction ends, waiting for
   * a fan-out that holds it to finish: a webhook registration takes it so that no fan-out is
   * between reading and queuing an event while the new webhook's creation time is taken.
   */
  void holdOutboxCursor();

  /** Moves the locked place forward; commits together with the deliveries queued. */
  void moveOutboxCursor(OutboxPosition position);

  /**
   * Claims the most overdue pending delivery due at {@code now}: the row is picked with
   * {@code FOR UPDATE SKIP LOCKED} (rows another transaction is claiming are skipped, never waited
   * for), given a fresh claim token, and made due again only at {@code leaseUntil}, so once the
   * caller commits no other worker sees it until then; a worker that dies leaves it due at that time.
   */
  Optional<PendingDelivery> claimDue(Instant now, Instant leaseUntil);

  /**
   * Records the attempt made under {@code delivery}'s claim and moves the delivery to
   * {@code state}, due again at {@code nextAttemptAt} when retrying.
   *
   * @return false, recording nothing, when the claim is no longer the delivery's (its lease ran out
   *     and another worker claimed it, or the webhook was deleted)
   */
  boolean recordAttempt(PendingDelivery delivery, SendResult result, Instant attemptedAt, DeliveryState state,
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
