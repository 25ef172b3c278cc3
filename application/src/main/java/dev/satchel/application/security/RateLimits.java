package dev.satchel.application.security;

import dev.satchel.domain.ratelimit.RateLimitPolicy;
import java.util.Optional;

/** The configured limits; an empty one is switched off. */
public record RateLimits(
    Optional<RateLimitPolicy> authenticated,
    Optional<RateLimitPolicy> anonymous,
    Optional<RateLimitPolicy> upload,
    Optional<RateLimitPolicy> register) {

  public static final RateLimits OFF =
      new RateLimits(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  /** Whether no limit is on, so requests need no work at all. */
  public boolean allOff() {
    return authenticated.isEmpty() && anonymous.isEmpty() && upload.isEmpty() && register.isEmpty();
  }
}
