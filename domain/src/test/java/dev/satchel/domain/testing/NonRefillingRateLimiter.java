package dev.satchel.domain.testing;

import dev.satchel.domain.ratelimit.RateLimitDecision;
import dev.satchel.domain.ratelimit.RateLimitPolicy;
import dev.satchel.domain.ratelimit.RateLimiter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link RateLimiter} fake whose buckets never refill, recording every key it was asked for. */
public final class NonRefillingRateLimiter implements RateLimiter {
  private final Map<String, Long> taken = new ConcurrentHashMap<>();
  private final List<String> asked = new ArrayList<>();

  @Override
  public synchronized RateLimitDecision tryAcquire(String key, RateLimitPolicy policy) {
    asked.add(key);
    long used = taken.getOrDefault(key, 0L);
    if (used >= policy.requests()) {
      return RateLimitDecision.of(policy, false, 0, policy.period());
    }
    taken.put(key, used + 1);
    return RateLimitDecision.of(policy, true, policy.requests() - used - 1, Duration.ZERO);
  }

  public synchronized List<String> askedKeys() {
    return List.copyOf(asked);
  }
}
