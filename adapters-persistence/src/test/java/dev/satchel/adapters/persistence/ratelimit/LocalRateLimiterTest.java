package dev.satchel.adapters.persistence.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.satchel.domain.ratelimit.RateLimitDecision;
import dev.satchel.domain.ratelimit.RateLimitPolicy;
import dev.satchel.domain.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class LocalRateLimiterTest {
  private static final RateLimitPolicy FIVE_PER_MINUTE = new RateLimitPolicy(5, Duration.ofMinutes(1));

  private final MutableClock clock = MutableClock.at("2026-11-29T12:00:00Z");
  private final LocalRateLimiter limiter = new LocalRateLimiter(clock, 1000);

  @Test
  void aNewBucketIsFullAndAllowsABurstOfItsSize() {
    List<RateLimitDecision> burst = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      burst.add(limiter.tryAcquire("k", FIVE_PER_MINUTE));
    }

    assertThat(burst).allMatch(RateLimitDecision::allowed);
    assertThat(burst).extracting(RateLimitDecision::remaining).containsExactly(4L, 3L, 2L, 1L, 0L);
    assertThat(burst.getLast().resetAfter()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void anEmptyBucketRefusesAndSaysWhenTheNextTokenComes() {
    drain("k");

    RateLimitDecision refused = limiter.tryAcquire("k", FIVE_PER_MINUTE);

    assertThat(refused.allowed()).isFalse();
    assertThat(refused.remaining()).isZero();
    assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(12));
  }

  @Test
  void tokensComeBackEvenlyOverThePeriod() {
    drain("k");

    clock.advance(Duration.ofSeconds(11));
    assertThat(limiter.tryAcquire("k", FIVE_PER_MINUTE).allowed()).isFalse();
    clock.advance(Duration.ofSeconds(1));
    assertThat(limiter.tryAcquire("k", FIVE_PER_MINUTE).allowed()).isTrue();
    assertThat(limiter.tryAcquire("k", FIVE_PER_MINUTE).allowed()).isFalse();

    clock.advance(Duration.ofHours(3));
    RateLimitDecision afterIdle = limiter.tryAcquire("k", FIVE_PER_MINUTE);
    assertThat(afterIdle.allowed()).isTrue();
    assertThat(afterIdle.remaining()).as("never more than the bucket holds").isEqualTo(4);
  }

  @Test
  void keysHaveSeparateBuckets() {
    drain("alice");

    assertThat(limiter.tryAcquire("alice", FIVE_PER_MINUTE).allowed()).isFalse();
    assertThat(limiter.tryAcquire("bob", FIVE_PER_MINUTE).allowed()).isTrue();
  }

  @Test
  void concurrentRequestsNeverGetMoreTokensThanTheBucketHolds() throws Exception {
    RateLimitPolicy hundred = new RateLimitPolicy(100, Duration.ofHours(1));
    List<Future<Boolean>> results = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      for (int i = 0; i < 400; i++) {
        results.add(pool.submit(() -> limiter.tryAcquire("shared", hundred).allowed()));
      }
    }
    long allowed = 0;
    for (Future<Boolean> result : results) {
      allowed += result.get() ? 1 : 0;
    }

    assertThat(allowed).isEqualTo(100);
  }

  @Test
  void memoryStaysBoundedByForgettingLeastRecentlyUsedBuckets() {
    LocalRateLimiter small = new LocalRateLimiter(clock, 10);
    for (int i = 0; i < 10_000; i++) {
      small.tryAcquire("network-" + i, FIVE_PER_MINUTE);
    }

    assertThat(small.size()).isLessThanOrEqualTo(10);
  }

  private void drain(String key) {
    for (int i = 0; i < 5; i++) {
      assertThat(limiter.tryAcquire(key, FIVE_PER_MINUTE).allowed()).isTrue();
    }
  }
}
