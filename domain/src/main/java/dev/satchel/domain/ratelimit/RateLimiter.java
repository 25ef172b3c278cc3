package dev.satchel.domain.ratelimit;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Out-port: token buckets by key, shared by every replica when the backend is shared. Never
 * fails: a backend fault degrades to a bucket kept by this replica alone.
 */
public interface RateLimiter {

  /**
   * Takes one token from the bucket {@code key} governed by {@code policy}; a bucket not seen
   * before starts full. Blocks the caller for as long as the backend takes to answer.
   */
  RateLimitDecision tryAcquire(String key, RateLimitPolicy policy);

  /**
   * The same as {@link #tryAcquire} without holding the caller's thread: a remote backend
   * completes the stage when its answer arrives. A local backend answers at once (the default).
   */
  default CompletionStage<RateLimitDecision> acquire(String key, RateLimitPolicy policy) {
    return CompletableFuture.completedFuture(tryAcquire(key, policy));
  }
}
