package dev.satchel.adapters.rest.file;

import java.time.Duration;

/**
 * How slow and how many uploads may be: an upload stops with 408 when no byte arrives for
 * {@code readTimeout}, or when fewer than {@code minBytesPerSecond} arrive on average over
 * {@code rateWindow} of waiting for the client; at most {@code maxPerUser} uploads of one user and
 * {@code maxOverall} in all run at once (beyond: 429 and 503 with {@code retryAfter}).
 */
public record UploadPacing(
    Duration readTimeout, long minBytesPerSecond, Duration rateWindow, int maxPerUser, int maxOverall,
    Duration retryAfter) {

  public UploadPacing {
    if (readTimeout.isNegative() || readTimeout.isZero() || rateWindow.isNegative() || rateWindow.isZero()) {
      throw new IllegalArgumentException("upload read timeout and rate window must be positive");
    }
    if (minBytesPerSecond < 0 || maxPerUser < 1 || maxOverall < 1) {
      throw new IllegalArgumentException("upload minimum rate must be >= 0 and the caps >= 1");
    }
  }
}
