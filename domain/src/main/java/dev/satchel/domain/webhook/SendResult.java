package dev.satchel.domain.webhook;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What one POST to a receiver gave: its status code, or why there was none (refused destination,
 * connection failure, timeout).
 *
 * @param bodyPrefix at most the first bytes of the receiver's answer, for the operator's log only
 */
public record SendResult(OptionalInt statusCode, Optional<String> failure, String bodyPrefix) {
  public SendResult {
    Objects.requireNonNull(statusCode, "statusCode");
    Objects.requireNonNull(failure, "failure");
    Objects.requireNonNull(bodyPrefix, "bodyPrefix");
  }

  public static SendResult answered(int statusCode, String bodyPrefix) {
    return new SendResult(OptionalInt.of(statusCode), Optional.empty(), bodyPrefix);
  }

  public static SendResult failed(String reason) {
    return new SendResult(OptionalInt.empty(), Optional.of(reason), "");
  }

  /** A 2xx answer delivers the event (Standard Webhooks, "Delivery"). */
  public boolean delivered() {
    return statusCode.isPresent() && statusCode.getAsInt() >= 200 && statusCode.getAsInt() <= 299;
  }
}
