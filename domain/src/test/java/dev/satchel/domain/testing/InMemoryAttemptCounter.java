package dev.satchel.domain.testing;

import dev.satchel.domain.auth.AttemptCounter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Attempts per key in a map, admitted under one lock; a window ends at the clock's time. */
public final class InMemoryAttemptCounter implements AttemptCounter {
  private record Entry(long count, Instant last, Instant windowEnds) {}

  private final Map<String, Entry> entries = new HashMap<>();
  private final Clock clock;

  public InMemoryAttemptCounter(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized Admission admit(String key, Schedule schedule) {
    Instant now = clock.instant();
    Entry entry = entries.get(key);
    long count = entry == null || !now.isBefore(entry.windowEnds()) ? 0 : entry.count();
    if (count > 0) {
      Duration wait = schedule.gapAfter(count).minus(Duration.between(entry.last(), now));
      if (wait.isPositive()) {
        return new Admission.Refused(wait);
      }
    }
    entries.put(key, new Entry(count + 1, now, now.plus(schedule.window())));
    return new Admission.Admitted(count + 1);
  }

  @Override
  public synchronized void release(String key) {
    entries.computeIfPresent(key, (k, e) -> e.count() <= 1 ? null : new Entry(e.count() - 1, e.last(), e.windowEnds()));
  }

  @Override
  public synchronized void reset(String key) {
    entries.remove(key);
  }

  /** How many attempts are counted for the key right now, for assertions. */
  public synchronized long count(String key) {
    Entry entry = entries.get(key);
    return entry == null || !clock.instant().isBefore(entry.windowEnds()) ? 0 : entry.count();
  }
}
