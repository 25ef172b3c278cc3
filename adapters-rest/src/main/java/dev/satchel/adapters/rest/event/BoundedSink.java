package dev.satchel.adapters.rest.event;

import dev.satchel.application.event.EventSink;
import dev.satchel.application.event.EventSubscription;
import dev.satchel.domain.event.Event;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An {@link EventSink} over one connection that admits at most {@code buffer} writes the socket
 * has not taken yet: a write's completion (the bytes reached the socket) frees its place, so a
 * client that stops reading stops freeing places and is dropped instead of queueing without end.
 */
abstract class BoundedSink implements EventSink {
  private final Semaphore room;
  private final EventConnections connections;
  private final EventConnections.Kind kind;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile EventSubscription subscription;

  BoundedSink(int buffer, EventConnections connections, EventConnections.Kind kind) {
    this.room = new Semaphore(buffer);
    this.connections = connections;
    this.kind = kind;
    connections.opened(kind);
  }

  /** Starts writing one event; the stage completes once the socket took it. */
  abstract CompletionStage<?> write(Event event);

  /** Closes the connection from this side. */
  abstract void disconnect();

  /**
   * Subscribes this sink through {@code subscribe} and keeps the subscription for closing; a
   * failure closes the sink (the connection is counted closed) and is rethrown.
   */
  void subscribe(Subscribing subscribe) throws InterruptedException {
    try {
      attach(subscribe.with(this));
    } catch (RuntimeException | InterruptedException e) {
      closed();
      throw e;
    }
  }

  /** Starts a subscription for a sink (a use-case call that may fail or be interrupted). */
  interface Subscribing {
    EventSubscription with(BoundedSink sink) throws InterruptedException;
  }

  private void attach(EventSubscription subscription) {
    this.subscription = subscription;
    if (closed.get()) {
      subscription.close();
    }
  }

  @Override
  public boolean offer(Event event) {
    return room.tryAcquire() && written(write(event));
  }

  @Override
  public boolean offer(Event event, Duration patience) throws InterruptedException {
    return room.tryAcquire(patience.toNanos(), TimeUnit.NANOSECONDS) && written(write(event));
  }

  /** Takes a place for a small write other than an event (a heartbeat); false when none is free. */
  boolean tryReserve() {
    return room.tryAcquire();
  }

  boolean written(CompletionStage<?> write) {
    write.whenComplete((done, failure) -> {
      room.release();
      if (failure != null) {
        closed(); // the peer went away
      }
    });
    return true;
  }

  @Override
  public void dropped() {
    connections.countDrop(kind);
    disconnect();
    closed();
  }

  /** The connection ended, from either side: stop delivery; counted once. */
  void closed() {
    if (closed.compareAndSet(false, true)) {
      connections.closed(kind);
      EventSubscription current = subscription;
      if (current != null) {
        current.close();
      }
    }
  }

  boolean isClosed() {
    return closed.get();
  }
}
