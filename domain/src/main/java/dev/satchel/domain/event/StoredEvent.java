package dev.satchel.domain.event;

import java.util.Objects;

/** An event as read back from the outbox, with its place in the delivery order. */
public record StoredEvent(OutboxPosition position, Event event) {
  public StoredEvent {
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(event, "event");
  }
}
