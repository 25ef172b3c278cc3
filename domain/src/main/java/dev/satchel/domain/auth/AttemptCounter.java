package dev.satchel.domain.auth;

import java.time.Duration;
import java.util.List;

/**
 * Out-port: counts attempts per key in a sliding window, shared by every replica when the backend
 * is shared. Used to slow down password guessing. An attempt is counted <em>before</em> its
 * verdict ({@link #admit}), atomically with the check whether it may happen at all, so parallel
 * guesses cannot all read the same old count.
 */
public interface AttemptCounter {

  /**
   * In one atomic step: when the key's last counted attempt lies at least
   * {@code schedule.gapAfter(count)} in the past (or nothing is counted), counts this attempt
   * and restarts the key's window of {@code schedule.window()}; otherwise counts nothing.
   *
   * @return {@link Admission.Admitted} with the count including this attempt, or
   *     {@link Admission.Refused} with how much longer the key must wait
   */
  Admission admit(String key, Schedule schedule);

  /** Un-counts one admitted attempt that did not happen after all (the window is kept). */
  void release(String key);

  /** Forgets every attempt counted for the key. */
  void reset(String key);

  /**
   * How long after the last counted attempt the next one may come, by how many are counted.
   *
   * @param gaps {@code gaps.get(n)} is the gap after {@code n} counted attempts; the last
   *     element holds for every larger count. Not empty, none negative.
   * @param window counted attempts are forgotten this long after the last one
   */
  record Schedule(List<Duration> gaps, Duration window) {
    public Schedule {
      gaps = List.copyOf(gaps);
      if (gaps.isEmpty() || gaps.stream().anyMatch(Duration::isNegative) || !window.isPositive()) {
        throw new IllegalArgumentException("inconsistent attempt schedule");
      }
    }

    /** The least time between the last of {@code counted} attempts and the next one. */
    public Duration gapAfter(long counted) {
      return gaps.get((int) Math.min(Math.max(counted, 0), gaps.size() - 1));
    }
  }

  /** The outcome of {@link #admit}. */
  sealed interface Admission {
    /** The attempt is counted; {@code count} includes it. */
    record Admitted(long count) implements Admission {}

    /** Nothing was counted; the key must wait {@code retryAfter} (positive) before its next attempt. */
    record Refused(Duration retryAfter) implements Admission {}
  }
}
