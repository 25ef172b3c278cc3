package dev.satchel.domain.ratelimit;

import java.time.Duration;

/**
 * The outcome of taking one token from a bucket.
 *
 * @param allowed whether the token was there (the request may proceed)
 * @param remaining whole tokens left after this request, 0..policy.requests
 * @param resetAfter time until the bucket is full again at the policy's refill rate
 * @param retryAfter when refused, time until one token is back; zero when allowed
 */
public record RateLimitDecision(
    RateLimitPolicy policy, boolean allowed, long remaining, Duration resetAfter, Duration retryAfter) {

  /** A decision from the remaining tokens, deriving the reset time from the refill rate. */
  public static RateLimitDecision of(RateLimitPolicy policy, boolean allowed, long remaining, Duration retryAfter) {
    long clamped = Math.max(0, Math.min(policy.requests(), remaining));
    long missing = policy.requests() - clamped;
    // Refill is linear: each missing token takes period/requests to come back.
    Duration reset = Duration.ofNanos(
        (long) Math.ceil((double) policy.period().toNanos() * missing / policy.requests()));
    return new RateLimitDecision(policy, allowed, clamped, reset, allowed ? Duration.ZERO : retryAfter);
  }
}
