package dev.satchel.domain.webhook;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One event queued for one webhook, as claimed by a delivery worker.
 *
 * @param payload the event JSON exactly as it is POSTed (a snapshot taken when queued, so every
 *     attempt sends the same bytes even after the outbox has purged the event)
 * @param attemptsMade attempts already recorded before this one (0 for the first)
 * @param queuedAt when the event was queued; retries stop once {@code queuedAt} is far enough behind
 * @param claim the token of this claim: only its holder may record the attempt
 */
public record PendingDelivery(UUID id, WebhookId webhookId, WebhookUrl url, WebhookSecret secret, UUID eventId,
    String eventType, String payload, int attemptsMade, Instant queuedAt, UUID claim) {
  public PendingDelivery {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(claim, "claim");
    Objects.requireNonNull(webhookId, "webhookId");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(queuedAt, "queuedAt");
  }

  /** The 1-based number of the attempt about to be made. */
  public int nextAttempt() {
    return attemptsMade + 1;
  }
}
