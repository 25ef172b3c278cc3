package dev.satchel.application.security;

import dev.satchel.domain.auth.AttemptCounter;
import dev.satchel.domain.auth.AttemptCounter.Admission;
import dev.satchel.domain.auth.AttemptCounter.Schedule;
import dev.satchel.domain.error.TooManyAttempts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Slows down guessing: after {@code freeAttempts} failures on a key, each further try must wait a
 * delay that doubles with every failure, up to {@code maxDelay}. Failures are forgotten
 * {@code window} after the last one.
 *
 * <p>Count first, then verify: {@link #acquire} counts the attempt before the caller checks the
 * password, atomically with the decision whether it may happen, so N parallel guesses get at most
 * the free allowance between them. A failed attempt therefore needs no further call; a right one
 * calls {@link #succeeded} (forget the key) or {@link #release} (un-count just this attempt).
 */
public final class AttemptLimiter {
  private static final int MAX_DOUBLINGS = 20;

  /** The numbers behind the policy. */
  public record Policy(int freeAttempts, Duration baseDelay, Duration maxDelay, Duration window) {
    public Policy {
      if (freeAttempts < 1 || baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0
          || window.compareTo(maxDelay) < 0 || !window.isPositive()) {
        throw new IllegalArgumentException("inconsistent attempt policy");
      }
    }

    /** Gap after n counted attempts: none within the allowance, then base, 2 base, 4 base ... up to max. */
    Schedule schedule() {
      List<Duration> gaps = new ArrayList<>();
      for (int i = 0; i < freeAttempts; i++) {
        gaps.add(Duration.ZERO);
      }
      for (int doublings = 0; doublings <= MAX_DOUBLINGS; doublings++) {
        Duration delay = baseDelay.multipliedBy(1L << doublings);
        gaps.add(delay.compareTo(maxDelay) < 0 ? delay : maxDelay);
        if (delay.compareTo(maxDelay) >= 0) {
          break;
        }
      }
      return new Schedule(gaps, window);
    }
  }

  private final AttemptCounter counter;
  private final Schedule schedule;

  public AttemptLimiter(AttemptCounter counter, Policy policy) {
    this.counter = counter;
    this.schedule = policy.schedule();
  }

  /**
   * Counts one attempt on the key as a failure until told otherwise.
   *
   * @throws TooManyAttempts with the wait in whole seconds (rounded up, for {@code Retry-After},
   *     RFC 9110 section 10.2.3) while the key must still wait; nothing is counted then
   */
  public void acquire(String key) {
    if (counter.admit(key, schedule) instanceof Admission.Refused(Duration wait)) {
      // Round up: Retry-After speaks in seconds and must not invite an early retry.
      throw new TooManyAttempts(Duration.ofSeconds(wait.plusNanos(999_999_999).getSeconds()));
    }
  }

  /** The acquired attempt was right: every failure counted on the key is forgotten. */
  public void succeeded(String key) {
    counter.reset(key);
  }

  /** The acquired attempt did not happen or was right but must not clear earlier failures. */
  public void release(String key) {
    counter.release(key);
  }
}
