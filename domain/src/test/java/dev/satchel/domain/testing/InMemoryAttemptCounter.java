package dev.satchel.domain.testing;

import dev.satchel.domain.auth.AttemptCounter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Failures per key in a map; a window ends at the clock's time, restarting with each failure. */
public final class InMemoryAttemptCounter implements AttemptCounter {
  private record Entry(long failures, Instant windowEnds) {}

  private final Map<String, Entry> entries = new HashMap<>();
  private final Clock clock;

  public InMemoryAttemptCounter(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized Attempts recordFailure(String key, Duration window) {
    Instant now = clock.instant();
    long failures = live(key, now).map(Entry::failures).orElse(0L) + 1;
    entries.put(key, new Entry(failures, now.plus(window)));
    return new Attempts(failures, window);
  }

  @Override
  public synchronized Attempts current(String key) {
    Instant now = clock.instant();
    return live(key, now)
        .map(e -> new Attempts(e.failures(), Duration.between(now, e.windowEnds())))
        .orElse(Attempts.NONE);
  }

  @Override
  public synchronized void reset(String key) {
    entries.remove(key);
  }

  private Optional<Entry> live(String key, Instant now) {
    return Optional.ofNullable(entries.get(key)).filter(e -> now.isBefore(e.windowEnds()));
  }
}
