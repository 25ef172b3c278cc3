package dev.satchel.adapters.persistence.attempt;

import dev.satchel.domain.auth.AttemptCounter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Single-replica {@link AttemptCounter} in a map. Each admission is one
 * {@link ConcurrentHashMap#compute}, so the check and the count are atomic per key; windows are
 * checked against the injected clock and expired entries are dropped as the map grows, so memory
 * stays bounded by recent attempts.
 */
public class InMemoryAttemptCounter implements AttemptCounter {
  private static final int PURGE_THRESHOLD = 10_000;

  private record Entry(long count, Instant last, Instant windowEnds) {}

  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
  private final Clock clock;

  public InMemoryAttemptCounter(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Admission admit(String key, Schedule schedule) {
    Instant now = clock.instant();
    if (entries.size() > PURGE_THRESHOLD) {
      entries.values().removeIf(e -> !e.windowEnds().isAfter(now));
    }
    Admission[] outcome = new Admission[1];
    entries.compute(key, (k, old) -> {
      long count = old == null || !old.windowEnds().isAfter(now) ? 0 : old.count();
      Duration wait = count == 0 ? Duration.ZERO : schedule.gapAfter(count).minus(Duration.between(old.last(), now));
      if (wait.isPositive()) {
        outcome[0] = new Admission.Refused(wait);
        return old;
      }
      outcome[0] = new Admission.Admitted(count + 1);
      return new Entry(count + 1, now, now.plus(schedule.window()));
    });
    return outcome[0];
  }

  @Override
  public void release(String key) {
    entries.computeIfPresent(key, (k, e) -> e.count() <= 1 ? null : new Entry(e.count() - 1, e.last(), e.windowEnds()));
  }

  @Override
  public void reset(String key) {
    entries.remove(key);
  }
}
