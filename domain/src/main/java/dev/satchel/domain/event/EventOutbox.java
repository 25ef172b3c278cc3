package dev.satchel.domain.event;

import dev.satchel.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Out-port: the events of committed changes, kept for the retention window. Events are written in
 * the transaction of the change they describe, so an event exists exactly when its change
 * committed; readers see an event only once every transaction that could still add an event
 * before it has finished, so a reader that remembers its last position never skips one.
 */
public interface EventOutbox {

  /** Adds the events in the caller's transaction; they become readable when it commits. */
  void append(List<Event> events);

  /**
   * Up to {@code limit} events of every user after {@code after}, in delivery order. The result
   * stops short of events whose transactions may still be followed by earlier-ordered ones, so
   * calling again from the last returned position never misses an event.
   *
   * @param limit 1 to 10,000
   */
  List<StoredEvent> readAfter(OutboxPosition after, int limit);

  /**
   * Up to {@code limit} of the owner's events after the owner's event {@code after}, in delivery
   * order, with the same guarantee as {@link #readAfter(OutboxPosition, int)}.
   *
   * @param limit 1 to 10,000
   * @return empty when {@code after} is not one of the owner's events (never was, or purged)
   */
  Optional<List<StoredEvent>> readAfter(UserId owner, EventId after, int limit);

  /**
   * Up to {@code limit} of the owner's events after {@code after}, in delivery order, with the
   * same guarantee as {@link #readAfter(OutboxPosition, int)}.
   *
   * @param limit 1 to 10,000
   */
  List<StoredEvent> readAfter(UserId owner, OutboxPosition after, int limit);

  /** The position of the last readable event, or {@link OutboxPosition#START} when there is none. */
  OutboxPosition head();

  /** Deletes events that occurred before {@code cutoff}; returns how many. */
  int purgeBefore(Instant cutoff);
}
