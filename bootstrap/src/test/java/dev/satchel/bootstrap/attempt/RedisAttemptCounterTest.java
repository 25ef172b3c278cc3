package dev.satchel.bootstrap.attempt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.satchel.adapters.persistence.attempt.InMemoryAttemptCounter;
import dev.satchel.adapters.persistence.attempt.RedisAttemptCounter;
import dev.satchel.adapters.persistence.redis.RedisGuard;
import dev.satchel.bootstrap.RedisCacheProfile;
import dev.satchel.bootstrap.TestEnvironmentResource;
import dev.satchel.domain.auth.AttemptCounter.Admission;
import dev.satchel.domain.auth.AttemptCounter.Schedule;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Redis attempt counter against the real Redis: atomic admission, and expiry in the same command. */
@QuarkusTest
@TestProfile(RedisCacheProfile.class)
@WithTestResource(value = TestEnvironmentResource.class, scope = TestResourceScope.GLOBAL)
class RedisAttemptCounterTest {
  // Three free attempts, then one hour between attempts: no test waits that long.
  private static final Schedule SCHEDULE = new Schedule(
      List.of(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ofHours(1)), Duration.ofHours(2));

  @Inject RedisDataSource redis;
  @Inject RedisGuard guard;

  private String prefix;
  private RedisAttemptCounter counter;

  @BeforeEach
  void freshPrefix() {
    prefix = "attempts-test-" + UUID.randomUUID() + ":";
    counter = new RedisAttemptCounter(redis, guard, prefix, new InMemoryAttemptCounter(Clock.systemUTC()));
  }

  @Test
  void parallelAttemptsOnOneKeyAreAdmittedOnlyWithinTheAllowance() throws Exception {
    int threads = 24;
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Admission> outcomes = new ArrayList<>();
    try {
      List<Future<Admission>> inFlight = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        inFlight.add(pool.submit(() -> {
          start.await(10, TimeUnit.SECONDS);
          return counter.admit("k", SCHEDULE);
        }));
      }
      for (Future<Admission> outcome : inFlight) {
        outcomes.add(outcome.get(10, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(outcomes).filteredOn(Admission.Admitted.class::isInstance)
        .extracting(a -> ((Admission.Admitted) a).count()).containsExactlyInAnyOrder(1L, 2L, 3L);
    assertThat(outcomes).filteredOn(Admission.Refused.class::isInstance).hasSize(threads - 3);
    assertThat(redis.value(String.class).get(prefix + "attempts:k")).isEqualTo("3");
  }

  @Test
  void everyCountedAttemptCarriesTheWindowAsItsExpiry() {
    counter.admit("k", SCHEDULE);

    long ttl = redis.key().pttl(prefix + "attempts:k");
    assertThat(ttl).isPositive().isLessThanOrEqualTo(SCHEDULE.window().toMillis());
  }

  @Test
  void refusalTellsTheRemainingGapAndCountsNothing() {
    for (int i = 0; i < 3; i++) {
      assertThat(counter.admit("k", SCHEDULE)).isInstanceOf(Admission.Admitted.class);
    }

    Admission refused = counter.admit("k", SCHEDULE);

    assertThat(refused).isInstanceOfSatisfying(Admission.Refused.class, r -> assertThat(r.retryAfter())
        .isLessThanOrEqualTo(Duration.ofHours(1)).isGreaterThan(Duration.ofMinutes(59)));
    assertThat(redis.value(String.class).get(prefix + "attempts:k")).isEqualTo("3");
  }

  @Test
  void aCounterLeftWithoutExpiryIsTreatedAsExpiredAndHealed() {
    redis.value(String.class).set(prefix + "attempts:k", "99"); // what a crash between INCR and EXPIRE left

    assertThat(counter.admit("k", SCHEDULE)).isEqualTo(new Admission.Admitted(1));
    assertThat(redis.key().pttl(prefix + "attempts:k")).isPositive();
  }

  @Test
  void releaseUncountsOneAttemptKeepsTheExpiryAndDeletesAtZero() {
    counter.admit("k", SCHEDULE);
    counter.admit("k", SCHEDULE);

    counter.release("k");
    assertThat(redis.value(String.class).get(prefix + "attempts:k")).isEqualTo("1");
    assertThat(redis.key().pttl(prefix + "attempts:k")).isPositive();

    counter.release("k");
    counter.release("k"); // nothing left: must not go negative or create a key without expiry
    assertThat(redis.key().exists(prefix + "attempts:k")).isFalse();
  }

  @Test
  void resetForgetsTheKey() {
    counter.admit("k", SCHEDULE);

    counter.reset("k");

    assertThat(redis.key().exists(prefix + "attempts:k")).isFalse();
    assertThat(counter.admit("k", SCHEDULE)).isEqualTo(new Admission.Admitted(1));
  }
}
