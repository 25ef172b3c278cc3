package dev.satchel.adapters.persistence.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.satchel.domain.ratelimit.RateLimitDecision;
import dev.satchel.domain.ratelimit.RateLimitPolicy;
import dev.satchel.domain.ratelimit.RateLimiter;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * {@link RateLimiter} for this replica alone: Bucket4j buckets (greedy refill) held in a bounded
 * Caffeine cache. A bucket left alone for one period is full again, so it is forgotten then, and
 * forgetting it changes nothing; beyond {@code maxBuckets} the least recently used go first.
 */
public class LocalRateLimiter implements RateLimiter {
  private final Cache<String, PolicyBucket> buckets;
  private final TimeMeter time;

  private record PolicyBucket(RateLimitPolicy policy, Bucket bucket) {}

  public LocalRateLimiter(Clock clock, long maxBuckets) {
    this.time = new ClockTimeMeter(clock);
    this.buckets = Caffeine.newBuilder()
        .maximumSize(maxBuckets)
        .expireAfter(Expiry.accessing((String key, PolicyBucket entry) -> entry.policy().period()))
        .build();
  }

  @Override
  public RateLimitDecision tryAcquire(String key, RateLimitPolicy policy) {
    PolicyBucket entry = buckets.get(key, k -> new PolicyBucket(policy, newBucket(policy)));
    ConsumptionProbe probe = entry.bucket().tryConsumeAndReturnRemaining(1);
    return RateLimitDecision.of(policy, probe.isConsumed(), probe.getRemainingTokens(),
        Duration.ofNanos(probe.getNanosToWaitForRefill()));
  }

  /** Buckets held right now, after pending evictions (for tests and diagnostics). */
  public long size() {
    buckets.cleanUp();
    return buckets.estimatedSize();
  }

  private Bucket newBucket(RateLimitPolicy policy) {
    return Bucket.builder()
        .addLimit(limit -> limit.capacity(policy.requests()).refillGreedy(policy.requests(), policy.period()))
        .withCustomTimePrecision(time)
        .build();
  }

  /** Bucket4j's time source on the injected clock, so tests can move time. */
  private record ClockTimeMeter(Clock clock) implements TimeMeter {
    @Override
    public long currentTimeNanos() {
      Instant now = clock.instant();
      return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    @Override
    public boolean isWallClockBased() {
      return true;
    }
  }
}
