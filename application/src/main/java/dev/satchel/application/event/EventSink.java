package dev.satchel.application.event;

import dev.satchel.domain.event.Event;
import java.time.Duration;

/**
 * One live consumer's end of the stream (an SSE response, a WebSocket), implemented by the
 * adapter that owns the connection. It holds a bounded number of events not yet written; the fan-
 * out never waits for a live consumer, it drops it instead.
 */
public interface EventSink {
  /** Queues the event for writing without waiting; false when the consumer's buffer is full. */
  boolean offer(Event event);

  /**
   * Queues a replayed event, waiting up to {@code patience} for room: a replay sends a backlog at
   * once, faster than any socket drains it.
   *
   * @return false when no room came in time
   */
  boolean offer(Event event, Duration patience) throws InterruptedException;

  /** The fan-out gave up on this consumer (too slow): close the connection. Must not block. */
  void dropped();
}
