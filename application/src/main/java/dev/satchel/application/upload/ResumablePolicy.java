package dev.satchel.application.upload;

import java.time.Duration;

/**
 * How long resumable uploads live: an unfinished upload expires {@code expiry} after its creation
 * (tus expiration extension). How long a writer's lease runs is {@link UploadLeases}'.
 */
public record ResumablePolicy(Duration expiry) {
  public ResumablePolicy {
    if (expiry.isNegative() || expiry.isZero()) {
      throw new IllegalArgumentException("upload expiry must be positive");
    }
  }
}
