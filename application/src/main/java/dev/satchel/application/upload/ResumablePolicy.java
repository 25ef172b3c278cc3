package dev.satchel.application.upload;

import java.time.Duration;

/**
 * How long resumable uploads live: an unfinished upload expires {@code expiry} after its creation
 * (tus expiration extension); a writer's lease on an upload runs out {@code lease} after it was
 * last renewed, so a crashed writer blocks its upload no longer than that.
 */
public record ResumablePolicy(Duration expiry, Duration lease) {
  public ResumablePolicy {
    if (expiry.isNegative() || expiry.isZero() || lease.isNegative() || lease.isZero()) {
      throw new IllegalArgumentException("upload expiry and lease must be positive");
    }
  }
}
