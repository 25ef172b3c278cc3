package dev.satchel.adapters.persistence.redis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Keeps Redis optional: a failed call is reported once per interval, and for that interval Redis
 * is not asked again (each call would otherwise pay the timeout); then it is tried again, so
 * caching resumes by itself when Redis returns.
 */
public final class RedisGuard {
  private static final Logger LOG = Logger.getLogger(RedisGuard.class);

  /** Told about every failed call, e.g. to count it in metrics. */
  public interface FailureListener {
    void failed(String operation, RuntimeException cause);
  }

  private final Clock clock;
  private final Duration retryAfter;
  private final FailureListener listener;
  private final AtomicReference<Instant> openUntil = new AtomicReference<>(Instant.MIN);

  public RedisGuard(Clock clock, Duration retryAfter, FailureListener listener) {
    this.clock = clock;
    this.retryAfter = retryAfter;
    this.listener = listener;
  }

  /** Whether Redis is believed reachable right now. */
  public boolean available() {
    return !clock.instant().isBefore(openUntil.get());
  }

  /** Runs a read; empty while Redis is skipped or when the call fails. */
  public <T> Optional<T> read(String operation, Supplier<Optional<T>> call) {
    if (!available()) {
      return Optional.empty();
    }
    try {
      return call.get();
    } catch (RuntimeException e) {
      failed(operation, e);
      return Optional.empty();
    }
  }

  /**
   * Runs a write. Invalidations pass {@code evenWhenSkipping}: a stale entry must not survive an
   * outage that was only a network partition, so they are always attempted.
   */
  public boolean write(String operation, boolean evenWhenSkipping, Runnable call) {
    if (!evenWhenSkipping && !available()) {
      return false;
    }
    try {
      call.run();
      return true;
    } catch (RuntimeException e) {
      failed(operation, e);
      return false;
    }
  }

  /**
   * Reports a call that failed outside {@link #read} and {@link #write} (an asynchronous one):
   * Redis is then skipped for the interval, as after a failed read.
   */
  public void failed(String operation, Throwable cause) {
    listener.failed(operation, cause instanceof RuntimeException e ? e : new IllegalStateException(cause));
    Instant now = clock.instant();
    Instant previous = openUntil.getAndSet(now.plus(retryAfter));
    if (!previous.isAfter(now)) {
      LOG.warnf("Redis %s failed (%s); serving from PostgreSQL, retrying Redis in %s",
          operation, cause.getClass().getSimpleName(), retryAfter);
    }
  }
}
