package dev.satchel.domain.auth;

import java.time.Duration;

/**
 * Out-port: counts failed attempts per key in a sliding window, shared by every replica when the
 * backend is shared. Used to slow down password guessing.
 */
public interface AttemptCounter {

  /** Records one failure and restarts the key's window; returns the attempts now counted. */
  Attempts recordFailure(String key, Duration window);

  /** The attempts counted for a key; zero when its window has passed. */
  Attempts current(String key);

  void reset(String key);

  /** A count of failures and how much longer their window lasts. */
  record Attempts(long failures, Duration remainingWindow) {
    public static final Attempts NONE = new Attempts(0, Duration.ZERO);
  }
}
