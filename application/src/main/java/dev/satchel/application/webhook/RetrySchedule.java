package dev.satchel.application.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When a failed delivery is tried again: {@code firstRetry} after the first failure, doubling
 * after each further one up to {@code maxDelay}, for as long as the first attempt is less than
 * {@code retryFor} behind. The last attempt therefore happens at least {@code retryFor} after the
 * first (the contract promises 24 h), and at most {@code maxDelay} later.
 */
public record RetrySchedule(Duration firstRetry, Duration maxDelay, Duration retryFor) {
  public RetrySchedule {
    Objects.requireNonNull(firstRetry, "firstRetry");
    Objects.requireNonNull(maxDelay, "maxDelay");
    Objects.requireNonNull(retryFor, "retryFor");
    if (firstRetry.isNegative() || firstRetry.isZero() || maxDelay.compareTo(firstRetry) < 0 || retryFor.isNegative()) {
      throw new IllegalArgumentException("need 0 < firstRetry <= maxDelay and retryFor >= 0");
    }
  }

  /**
   * The next attempt after attempt number {@code attempt} (1-based) failed at {@code failedAt};
   * empty when the delivery is to be given up.
   *
   * @param queuedAt when the delivery was queued (its first attempt was due)
   */
  public Optional<Instant> after(int attempt, Instant queuedAt, Instant failedAt) {
    if (!failedAt.isBefore(queuedAt.plus(retryFor))) {
      return Optional.empty();
    }
    return Optional.of(failedAt.plus(delay(attempt)));
  }

  /** The wait after the {@code attempt}-th failure. */
  Duration delay(int attempt) {
    Duration delay = firstRetry;
    for (int i = 1; i < attempt && delay.compareTo(maxDelay) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
  }
}
