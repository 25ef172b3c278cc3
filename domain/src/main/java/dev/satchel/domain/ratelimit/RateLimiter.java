package dev.satchel.domain.ratelimit;

/**
 * Out-port: token buckets by key, shared by every replica when the backend is shared. Never
 * fails: a backend fault degrades to a bucket kept by this replica alone.
 */
public interface RateLimiter {

  /**
   * Takes one token from the bucket {@code key} governed by {@code policy}; a bucket not seen
   * before starts full.
   */
  RateLimitDecision tryAcquire(String key, RateLimitPolicy policy);
}
