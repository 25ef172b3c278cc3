package dev.satchel.application.security;

import dev.satchel.domain.auth.AttemptCounter;
import dev.satchel.domain.auth.AttemptCounter.Attempts;
import dev.satchel.domain.error.TooManyAttempts;
import java.time.Duration;

/**
 * Slows down guessing: after {@code freeAttempts} failures on a key, each further try must wait a
 * delay that doubles with every failure, up to {@code maxDelay}. Failures are forgotten
 * {@code window} after the last one.
 */
public final class AttemptLimiter {

  /** The numbers behind the policy. */
  public record Policy(int freeAttempts, Duration baseDelay, Duration maxDelay, Duration window) {
    public Policy {
      if (freeAttempts < 1 || baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0
          || window.compareTo(maxDelay) < 0) {
        throw new IllegalArgumentException("inconsistent attempt policy");
      }
    }
  }

  private final AttemptCounter counter;
  private final Policy policy;

  public AttemptLimiter(AttemptCounter counter, Policy policy) {
    this.counter = counter;
    this.policy = policy;
  }

  /** Throws {@link TooManyAttempts} while the key must still wait. */
  public void ensureAllowed(String key) {
    Duration wait = remainingDelay(counter.current(key));
    if (wait.isPositive()) {
      throw new TooManyAttempts(wait);
    }
  }

  public void recordFailure(String key) {
    counter.recordFailure(key, policy.window());
  }

  public void reset(String key) {
    counter.reset(key);
  }

  private Duration remainingDelay(Attempts attempts) {
    long excess = attempts.failures() - policy.freeAttempts();
    if (excess < 0) {
      return Duration.ZERO;
    }
    Duration delay = policy.baseDelay().multipliedBy(1L << Math.min(excess, 20));
    if (delay.compareTo(policy.maxDelay()) > 0) {
      delay = policy.maxDelay();
    }
    // The window restarts at each failure, so its elapsed part is the time since the last one.
    Duration sinceLastFailure = policy.window().minus(attempts.remainingWindow());
    Duration remaining = delay.minus(sinceLastFailure);
    // Round up to whole seconds: Retry-After speaks in seconds and must not invite an early retry.
    return remaining.isPositive() ? Duration.ofSeconds((remaining.toMillis() + 999) / 1000) : Duration.ZERO;
  }
}
