package dev.satchel.adapters.persistence.attempt;

import dev.satchel.domain.auth.AttemptCounter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Single-replica {@link AttemptCounter} in a map; windows are checked against the injected clock
 * and expired entries are dropped as the map grows, so memory stays bounded by recent failures.
 */
public class InMemoryAttemptCounter implements AttemptCounter {
  private static final int PURGE_THRESHOLD = 10_000;

  private record Entry(long failures, Instant windowEnds) {}

  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
  private final Clock clock;

  public InMemoryAttemptCounter(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Attempts recordFailure(String key, Duration window) {
    Instant now = clock.instant();
    if (entries.size() > PURGE_THRESHOLD) {
      entries.values().removeIf(e -> !e.windowEnds().isAfter(now));
    }
    Entry updated = entries.compute(key, (k, old) -> {
      long previous = old == null || !old.windowEnds().isAfter(now) ? 0 : old.failures();
      return new Entry(previous + 1, now.plus(window));
    });
    return new Attempts(updated.failures(), window);
  }

  @Override
  public Attempts current(String key) {
    Instant now = clock.instant();
    Entry entry = entries.get(key);
    if (entry == null || !entry.windowEnds().isAfter(now)) {
      return Attempts.NONE;
    }
    return new Attempts(entry.failures(), Duration.between(now, entry.windowEnds()));
  }

  @Override
  public void reset(String key) {
    entries.remove(key);
  }
}
