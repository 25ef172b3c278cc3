package dev.satchel.domain.webhook;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * One recorded attempt to deliver an event to a webhook, as the owner's delivery log shows it.
 *
 * @param attempt 1-based number of this attempt for this event
 * @param statusCode the receiver's status, empty when it never answered
 * @param deliveredAt when a 2xx answer came, empty otherwise
 * @param nextAttemptAt when the next attempt is due, empty once delivered or given up
 * @param failure why the attempt failed without a status (timeout, refused destination...)
 */
public record DeliveryAttempt(UUID eventId, String eventType, int attempt, OptionalInt statusCode,
    Instant attemptedAt, Optional<Instant> deliveredAt, Optional<Instant> nextAttemptAt, DeliveryState state,
    Optional<String> failure) {
  public DeliveryAttempt {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(statusCode, "statusCode");
    Objects.requireNonNull(attemptedAt, "attemptedAt");
    Objects.requireNonNull(deliveredAt, "deliveredAt");
    Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(failure, "failure");
  }
}
