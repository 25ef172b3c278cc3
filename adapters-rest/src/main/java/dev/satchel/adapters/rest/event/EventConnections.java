package dev.satchel.adapters.rest.event;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Counts this replica's open event connections per kind and the consumers dropped as too slow. */
@ApplicationScoped
public class EventConnections {
  /** The transports of the event stream. */
  public enum Kind { SSE, WEBSOCKET }

  private final Map<Kind, AtomicLong> open = new EnumMap<>(Kind.class);
  private final Map<Kind, AtomicLong> dropped = new EnumMap<>(Kind.class);

  public EventConnections() {
    for (Kind kind : Kind.values()) {
      open.put(kind, new AtomicLong());
      dropped.put(kind, new AtomicLong());
    }
  }

  void opened(Kind kind) {
    open.get(kind).incrementAndGet();
  }

  void closed(Kind kind) {
    open.get(kind).decrementAndGet();
  }

  void countDrop(Kind kind) {
    dropped.get(kind).incrementAndGet();
  }

  /** Connections of this kind open now. */
  public long open(Kind kind) {
    return open.get(kind).get();
  }

  /** Consumers of this kind disconnected so far because they fell {@code buffer} events behind. */
  public long dropped(Kind kind) {
    return dropped.get(kind).get();
  }
}
