package dev.satchel.bootstrap;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The application's clock in tests: real time plus an offset that tests move forward, so expiry
 * is tested by driving time rather than by sleeping. Tests must {@link #reset()} after use.
 */
public class AdjustableClock extends Clock {
  private static final AtomicReference<Duration> OFFSET = new AtomicReference<>(Duration.ZERO);

  public static void advance(Duration by) {
    OFFSET.updateAndGet(current -> current.plus(by));
  }

  public static void reset() {
    OFFSET.set(Duration.ZERO);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(OFFSET.get()).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
  }

  /** Replaces the production clock for the whole test application. */
  public static class Producer {
    @Produces
    @Alternative
    @Priority(10)
    @Singleton
    Clock adjustableClock() {
      return new AdjustableClock();
    }
  }
}
