package dev.satchel.application.share;

import java.time.Duration;

/** Link lifetime rules: the lifetime a link gets by default and the longest one allowed. */
public record SharePolicy(Duration defaultTtl, Duration maxTtl) {
  public SharePolicy {
    if (!defaultTtl.isPositive() || maxTtl.compareTo(defaultTtl) < 0) {
      throw new IllegalArgumentException("default TTL must be positive and not above the maximum");
    }
  }
}
