package dev.satchel.adapters.rest.webhook;

import dev.satchel.domain.webhook.DeliveryAttempt;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One delivery attempt in a webhook's log. */
@Schema(name = "WebhookDeliveryAttempt")
public record DeliveryAttemptResponse(
    @Schema(required = true, description = "The event's id, also sent as webhook-id") UUID eventId,
    @Schema(required = true, example = "file.uploaded") String type,
    @Schema(required = true, minimum = "1", description = "1 for the first attempt of this event") int attempt,
    @Schema(required = true, nullable = true, description = "The receiver's status; null when it never answered"
        + " (timeout, connection failure, refused destination)") Integer statusCode,
    @Schema(required = true) Instant attemptedAt,
    @Schema(required = true, nullable = true, description = "When a 2xx answer delivered the event; null otherwise")
    Instant deliveredAt,
    @Schema(required = true, nullable = true, description = "When the next attempt is due; null once delivered"
        + " or given up") Instant nextAttemptAt,
    @Schema(required = true, enumeration = {"delivered", "retrying", "failed"},
        description = "failed: the retry window (at least 24 h) is over, no more attempts") String outcome,
    @Schema(required = true, nullable = true, description = "Why the attempt got no status, if so") String error) {

  static DeliveryAttemptResponse from(DeliveryAttempt a) {
    return new DeliveryAttemptResponse(a.eventId(), a.eventType(), a.attempt(),
        a.statusCode().isPresent() ? a.statusCode().getAsInt() : null, a.attemptedAt(),
        a.deliveredAt().orElse(null), a.nextAttemptAt().orElse(null), a.state().name().toLowerCase(Locale.ROOT),
        a.failure().orElse(null));
  }
}
