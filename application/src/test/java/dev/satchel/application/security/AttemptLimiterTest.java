package dev.satchel.application.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.satchel.domain.error.TooManyAttempts;
import dev.satchel.domain.testing.InMemoryAttemptCounter;
import dev.satchel.domain.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AttemptLimiterTest {
  private static final String KEY = "login:alice@example.com|v4:203.0.113.7";
  private static final AttemptLimiter.Policy POLICY =
      new AttemptLimiter.Policy(3, Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofHours(1));

  private final MutableClock clock = MutableClock.at("2025-06-01T12:00:00Z");
  private final InMemoryAttemptCounter counter = new InMemoryAttemptCounter(clock);
  private final AttemptLimiter limiter = new AttemptLimiter(counter, POLICY);

  @Test
  void aKeyWithoutFailuresIsAllowed() {
    assertThatCode(() -> limiter.acquire(KEY)).doesNotThrowAnyException();
  }

  @Test
  void failuresWithinTheFreeAllowanceAreNotDelayed() {
    fail(2);

    assertThatCode(() -> limiter.acquire(KEY)).doesNotThrowAnyException();
  }

  @Test
  void usingUpTheFreeAllowanceStartsTheBaseDelay() {
    fail(3);

    assertThat(retryAfter()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void delayDoublesWithEachFurtherFailureUpToTheCap() {
    fail(3);
    List<Duration> delays = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      Duration wait = retryAfter();
      delays.add(wait);
      clock.advance(wait);
      limiter.acquire(KEY); // one more failure once the wait is over
    }

    assertThat(delays).containsExactly(seconds(1), seconds(2), seconds(4), seconds(8), seconds(8), seconds(8));
  }

  @Test
  void manyFailuresStayAtTheCapWithoutOverflowing() {
    fail(3);
    for (int i = 0; i < 200; i++) {
      clock.advance(POLICY.maxDelay());
      limiter.acquire(KEY);
    }

    assertThat(retryAfter()).isEqualTo(POLICY.maxDelay());
  }

  @Test
  void refusedAttemptsAreNotCountedAndDoNotRestartTheDelay() {
    fail(3);
    clock.advance(Duration.ofMillis(500));
    for (int i = 0; i < 10; i++) {
      retryAfter();
    }
    clock.advance(Duration.ofMillis(500));

    assertThatCode(() -> limiter.acquire(KEY)).doesNotThrowAnyException();
    assertThat(counter.count(KEY)).isEqualTo(4);
  }

  @Test
  void waitShrinksAsTimePassesAndRoundsUpToWholeSeconds() {
    AttemptLimiter slow = new AttemptLimiter(counter,
        new AttemptLimiter.Policy(1, Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofHours(1)));
    slow.acquire(KEY);
    clock.advance(Duration.ofMillis(1500));

    assertThatThrownBy(() -> slow.acquire(KEY))
        .isInstanceOfSatisfying(TooManyAttempts.class, e -> assertThat(e.retryAfter()).isEqualTo(seconds(3)));
  }

  @Test
  void keyIsAllowedAgainOnceItsDelayHasPassed() {
    fail(3);
    clock.advance(Duration.ofMillis(999));
    assertThat(retryAfter()).isEqualTo(seconds(1));

    clock.advance(Duration.ofMillis(1));

    assertThatCode(() -> limiter.acquire(KEY)).doesNotThrowAnyException();
  }

  @Test
  void subSecondDelaysAreReportedAsOneSecond() {
    AttemptLimiter fast = new AttemptLimiter(counter,
        new AttemptLimiter.Policy(1, Duration.ofMillis(300), Duration.ofSeconds(1), Duration.ofMinutes(1)));
    fast.acquire(KEY);
    clock.advance(Duration.ofMillis(299));

    assertThatThrownBy(() -> fast.acquire(KEY))
        .isInstanceOfSatisfying(TooManyAttempts.class, e -> assertThat(e.retryAfter()).isEqualTo(seconds(1)));
  }

  @Test
  void failuresAreForgottenWhenTheWindowEnds() {
    fail(3);
    clock.advance(POLICY.window());

    fail(3); // counting starts afresh: the whole free allowance again
    assertThat(counter.count(KEY)).isEqualTo(3);
  }

  @Test
  void eachFailureRestartsTheWindow() {
    fail(3);
    clock.advance(Duration.ofMinutes(59));
    limiter.acquire(KEY); // fourth failure, window restarts
    clock.advance(Duration.ofMinutes(59)); // past the first failures' window, not the fourth's

    limiter.acquire(KEY);

    assertThat(retryAfter()).isEqualTo(seconds(4)); // fifth failure: still counted with the others
  }

  @Test
  void keysAreCountedSeparately() {
    fail(3);

    assertThatCode(() -> limiter.acquire("login:bob@example.com|v4:203.0.113.7")).doesNotThrowAnyException();
  }

  @Test
  void successForgetsTheKeysFailures() {
    fail(3);
    clock.advance(seconds(1));
    limiter.acquire(KEY);

    limiter.succeeded(KEY);

    fail(3);
    assertThat(counter.count(KEY)).isEqualTo(3);
  }

  @Test
  void releaseUncountsOnlyTheOneAttempt() {
    fail(3);
    clock.advance(seconds(1));
    limiter.acquire(KEY);

    limiter.release(KEY);

    assertThat(counter.count(KEY)).isEqualTo(3);
    assertThat(retryAfter()).isEqualTo(seconds(1)); // measured from the released attempt
  }

  @Test
  void parallelAttemptsGetNoMoreThanTheFreeAllowanceBetweenThem() throws Exception {
    int threads = 24;
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Boolean>> outcomes = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        outcomes.add(pool.submit((Callable<Boolean>) () -> {
          start.await(10, TimeUnit.SECONDS);
          try {
            limiter.acquire(KEY);
            return true;
          } catch (TooManyAttempts refused) {
            return false;
          }
        }));
      }
      int admitted = 0;
      for (Future<Boolean> outcome : outcomes) {
        admitted += outcome.get(10, TimeUnit.SECONDS) ? 1 : 0;
      }

      assertThat(admitted).isEqualTo(POLICY.freeAttempts());
      assertThat(counter.count(KEY)).isEqualTo(POLICY.freeAttempts());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void policyRejectsInconsistentNumbers() {
    Duration second = Duration.ofSeconds(1);
    Duration minute = Duration.ofMinutes(1);

    assertThatThrownBy(() -> new AttemptLimiter.Policy(0, second, minute, minute))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AttemptLimiter.Policy(3, second.negated(), minute, minute))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AttemptLimiter.Policy(3, minute, second, minute))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AttemptLimiter.Policy(3, second, minute, second))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private void fail(int times) {
    for (int i = 0; i < times; i++) {
      limiter.acquire(KEY);
    }
  }

  private Duration retryAfter() {
    try {
      limiter.acquire(KEY);
    } catch (TooManyAttempts e) {
      assertThat(e.retryAfter()).isPositive();
      return e.retryAfter();
    }
    throw new AssertionError("expected the key to be throttled");
  }

  private static Duration seconds(long value) {
    return Duration.ofSeconds(value);
  }
}
