package dev.satchel.domain.testing;

import dev.satchel.domain.event.Event;
import dev.satchel.domain.event.EventId;
import dev.satchel.domain.event.EventOutbox;
import dev.satchel.domain.event.OutboxPosition;
import dev.satchel.domain.event.StoredEvent;
import dev.satchel.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Events in a list; each append is its own committed transaction, as no fake runs several. */
public final class InMemoryEventOutbox implements EventOutbox {
  private final List<StoredEvent> events = new ArrayList<>();
  private long transactions;

  @Override
  public synchronized void append(List<Event> appended) {
    transactions++;
    for (Event event : appended) {
      events.add(new StoredEvent(new OutboxPosition(transactions, events.size() + 1L), event));
    }
  }

  @Override
  public synchronized List<StoredEvent> readAfter(OutboxPosition after, int limit) {
    return events.stream().filter(e -> e.position().isAfter(after)).limit(limit).toList();
  }

  @Override
  public synchronized Optional<List<StoredEvent>> readAfter(UserId owner, EventId after, int limit) {
    return events.stream()
        .filter(e -> e.event().id().equals(after) && e.event().owner().equals(owner))
        .findFirst()
        .map(known -> events.stream()
            .filter(e -> e.event().owner().equals(owner) && e.position().isAfter(known.position()))
            .limit(limit)
            .toList());
  }

  @Override
  public synchronized List<StoredEvent> readAfter(UserId owner, OutboxPosition after, int limit) {
    return events.stream()
        .filter(e -> e.event().owner().equals(owner) && e.position().isAfter(after))
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized OutboxPosition head() {
    return events.isEmpty() ? OutboxPosition.START : events.getLast().position();
  }

  @Override
  public synchronized int purgeBefore(Instant cutoff) {
    int before = events.size();
    events.removeIf(e -> e.event().occurredAt().isBefore(cutoff));
    return before - events.size();
  }

  /** Every event stored, oldest first. */
  public synchronized List<Event> all() {
    return events.stream().map(StoredEvent::event).toList();
  }
}
