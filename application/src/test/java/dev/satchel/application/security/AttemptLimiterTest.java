package dev.satchel.application.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.satchel.domain.error.TooManyAttempts;
import dev.satchel.domain.testing.InMemoryAttemptCounter;
import dev.satchel.domain.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttemptLimiterTest {
  private static final String KEY = "login:alice@example.com|v4:203.0.113.7";
  private static final AttemptLimiter.Policy POLICY =
      new AttemptLimiter.Policy(3, Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofHours(1));

  private final MutableClock clock = MutableClock.at("2025-06-01T12:00:00Z");
  private final AttemptLimiter limiter = new AttemptLimiter(new InMemoryAttemptCounter(clock), POLICY);

  @Test
  void aKeyWithoutFailuresIsAllowed() {
    assertThatCode(() -> limiter.ensureAllowed(KEY)).doesNotThrowAnyException();
  }

  @Test
  void failuresWithinTheFreeAllowanceAreNotDelayed() {
    fail(2);

    assertThatCode(() -> limiter.ensureAllowed(KEY)).doesNotThrowAnyException();
  }

  @Test
  void usingUpTheFreeAllowanceStartsTheBaseDelay() {
    fail(3);

    assertThat(retryAfter()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void delayDoublesWithEachFurtherFailureUpToTheCap() {
    fail(2);
    List<Duration> delays = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      limiter.recordFailure(KEY);
      delays.add(retryAfter());
    }

    assertThat(delays).containsExactly(seconds(1), seconds(2), seconds(4), seconds(8), seconds(8), seconds(8));
  }

  @Test
  void manyFailuresStayAtTheCapWithoutOverflowing() {
    fail(200);

    assertThat(retryAfter()).isEqualTo(POLICY.maxDelay());
  }

  @Test
  void waitShrinksAsTimePassesAndRoundsUpToWholeSeconds() {
    fail(5); // 4 s delay
    clock.advance(Duration.ofMillis(1500));

    assertThat(retryAfter()).isEqualTo(seconds(3));
  }

  @Test
  void keyIsAllowedAgainOnceItsDelayHasPassed() {
    fail(5);
    clock.advance(Duration.ofMillis(3999));
    assertThat(retryAfter()).isEqualTo(seconds(1));

    clock.advance(Duration.ofMillis(1));

    assertThatCode(() -> limiter.ensureAllowed(KEY)).doesNotThrowAnyException();
  }

  @Test
  void subSecondDelaysAreReportedAsOneSecond() {
    AttemptLimiter fast = new AttemptLimiter(new InMemoryAttemptCounter(clock),
        new AttemptLimiter.Policy(1, Duration.ofMillis(300), Duration.ofSeconds(1), Duration.ofMinutes(1)));
    fast.recordFailure(KEY);

    assertThatThrownBy(() -> fast.ensureAllowed(KEY))
        .isInstanceOfSatisfying(TooManyAttempts.class, e -> assertThat(e.retryAfter()).isEqualTo(seconds(1)));
  }

  @Test
  void failuresAreForgottenWhenTheWindowEnds() {
    fail(6);
    clock.advance(POLICY.window());

    assertThatCode(() -> limiter.ensureAllowed(KEY)).doesNotThrowAnyException();
    fail(2); // counting starts afresh: still within the free allowance
    assertThatCode(() -> limiter.ensureAllowed(KEY)).doesNotThrowAnyException();
  }

  @Test
  void eachFailureRestartsTheWindow() {
    fail(3);
    clock.advance(Duration.ofMinutes(59));
    limiter.recordFailure(KEY); // fourth failure, window restarts
    clock.advance(Duration.ofMinutes(59)); // past the first failures' window, not the fourth's

    limiter.recordFailure(KEY);

    assertThat(retryAfter()).isEqualTo(seconds(4)); // fifth failure: still counted with the others
  }

  @Test
  void keysAreCountedSeparately() {
    fail(3);

    assertThatCode(() -> limiter.ensureAllowed("login:bob@example.com|v4:203.0.113.7")).doesNotThrowAnyException();
  }

  @Test
  void resetForgetsTheKeysFailures() {
    fail(5);

    limiter.reset(KEY);

    assertThatCode(() -> limiter.ensureAllowed(KEY)).doesNotThrowAnyException();
    fail(2);
    assertThatCode(() -> limiter.ensureAllowed(KEY)).doesNotThrowAnyException();
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
      limiter.recordFailure(KEY);
    }
  }

  private Duration retryAfter() {
    try {
      limiter.ensureAllowed(KEY);
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
