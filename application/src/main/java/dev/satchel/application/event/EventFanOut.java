package dev.satchel.application.event;

import dev.satchel.domain.event.EventId;
import dev.satchel.domain.event.EventOutbox;
import dev.satchel.domain.event.OutboxPosition;
import dev.satchel.domain.event.StoredEvent;
import dev.satchel.domain.user.UserId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * This replica's side of the event stream: it reads the outbox from where it last stopped (so an
 * event committed on any replica reaches it, whatever woke it) and hands each event to the live
 * consumers of its owner here. Whoever calls {@link #deliverNew()} (a commit here, a notification
 * from another replica, a periodic poll) gets the same result; calls do not overlap.
 *
 * <p>Each consumer holds at most {@code buffer} undelivered events: one that falls behind by more
 * is dropped (its connection closed) rather than allowed to grow memory.
 */
public final class EventFanOut implements StreamEventsUseCase {
  private static final int PAGE = 500;

  private final EventOutbox outbox;
  private final int buffer;
  private final Duration replayPatience;
  private final ConcurrentHashMap<UserId, Set<Consumer>> consumers = new ConcurrentHashMap<>();
  private final ReentrantLock reading = new ReentrantLock();
  private final AtomicLong dropped = new AtomicLong();
  private OutboxPosition last; // guarded by reading

  /**
   * @param buffer events one consumer may hold undelivered (&gt; 0)
   * @param replayPatience how long a replay waits for a consumer to take the next event
   */
  public EventFanOut(EventOutbox outbox, int buffer, Duration replayPatience) {
    if (buffer <= 0) {
      throw new IllegalArgumentException("buffer must be positive");
    }
    this.outbox = outbox;
    this.buffer = buffer;
    this.replayPatience = replayPatience;
  }

  /**
   * Delivers every event that became readable since the last call to its owner's consumers here.
   *
   * @return how many events were read
   * @throws RuntimeException when the outbox cannot be read; the next call starts from the same place
   */
  public int deliverNew() {
    reading.lock();
    try {
      if (consumers.isEmpty()) {
        // Nobody to tell: forget the place rather than read what nobody will get (not even the
        // head: this runs after every commit). A consumer registers before it asks for the place
        // (now()), which then reads the head, so it misses nothing committed after it subscribed.
        last = null;
        return 0;
      }
      if (last == null) {
        last = outbox.head(); // a consumer registered, its now() not yet run: the same place
        return 0;
      }
      int read = 0;
      List<StoredEvent> page;
      do {
        page = outbox.readAfter(last, PAGE);
        for (StoredEvent event : page) {
          consumers.getOrDefault(event.event().owner(), Set.of()).forEach(c -> c.accept(event));
          last = event.position();
        }
        read += page.size();
      } while (page.size() == PAGE);
      return read;
    } finally {
      reading.unlock();
    }
  }

  @Override
  public EventSubscription subscribe(UserId owner, Optional<EventId> after, EventSink sink)
      throws InterruptedException {
    if (after.isEmpty()) {
      Consumer consumer = new Consumer(owner, sink, false);
      consumers.computeIfAbsent(owner, o -> ConcurrentHashMap.newKeySet()).add(consumer);
      now();
      return consumer;
    }
    EventId first = after.get();
    return replaying(owner, sink, previous -> previous == null
        ? outbox.readAfter(owner, first, PAGE).orElse(List.of())
        : outbox.readAfter(owner, previous.position(), PAGE));
  }

  @Override
  public EventSubscription subscribe(UserId owner, OutboxPosition from, EventSink sink) throws InterruptedException {
    return replaying(owner, sink,
        previous -> outbox.readAfter(owner, previous == null ? from : previous.position(), PAGE));
  }

  // The first caller fixes where live delivery starts: nothing committed after it is skipped while
  // a consumer is registered; with none, the next deliverNew() forgets it and the next call reads it anew.
  @Override
  public OutboxPosition now() {
    reading.lock();
    try {
      if (last == null) {
        last = outbox.head();
      }
      return last;
    } finally {
      reading.unlock();
    }
  }

  private EventSubscription replaying(UserId owner, EventSink sink, Function<StoredEvent, List<StoredEvent>> pageAfter)
      throws InterruptedException {
    Consumer consumer = new Consumer(owner, sink, true);
    consumers.computeIfAbsent(owner, o -> ConcurrentHashMap.newKeySet()).add(consumer);
    now(); // after registering: the live place is read no earlier than the replay's first page
    try {
      consumer.replay(pageAfter);
    } catch (RuntimeException | InterruptedException e) {
      consumer.close();
      throw e;
    }
    return consumer;
  }

  /** Consumers connected to this replica now. */
  public int consumers() {
    return consumers.values().stream().mapToInt(Set::size).sum();
  }

  /** Consumers dropped so far for falling behind. */
  public long dropped() {
    return dropped.get();
  }

  /** One live consumer; its lock orders the replay and the live events it receives meanwhile. */
  private final class Consumer implements EventSubscription {
    private final UserId owner;
    private final EventSink sink;
    private List<StoredEvent> held; // live events that arrived during the replay; null once live
    private OutboxPosition delivered;
    private boolean closed;

    Consumer(UserId owner, EventSink sink, boolean replaying) {
      this.owner = owner;
      this.sink = sink;
      this.held = replaying ? new ArrayList<>() : null;
    }

    synchronized void accept(StoredEvent event) {
      if (closed) {
        return;
      }
      if (held != null) {
        if (held.size() >= buffer) {
          drop();
        } else {
          held.add(event);
        }
        return;
      }
      if (delivered == null || event.position().isAfter(delivered)) {
        delivered = event.position();
        if (!sink.offer(event.event())) {
          drop();
        }
      }
    }

    /** Sends the pages {@code pageAfter} gives (after nothing, then after each page's last event). */
    void replay(Function<StoredEvent, List<StoredEvent>> pageAfter) throws InterruptedException {
      StoredEvent previous = null;
      List<StoredEvent> page;
      do {
        page = pageAfter.apply(previous);
        for (StoredEvent event : page) {
          if (!replayed(event)) {
            return;
          }
          previous = event;
        }
      } while (page.size() == PAGE);
      goLive();
    }

    private boolean replayed(StoredEvent event) throws InterruptedException {
      if (!sink.offer(event.event(), replayPatience)) {
        synchronized (this) {
          drop();
        }
        return false;
      }
      synchronized (this) {
        delivered = event.position();
        return !closed;
      }
    }

    private synchronized void goLive() {
      List<StoredEvent> waiting = held;
      held = null;
      for (StoredEvent event : waiting) {
        accept(event);
      }
    }

    private void drop() {
      dropped.incrementAndGet();
      close();
      sink.dropped();
    }

    @Override
    public synchronized void close() {
      closed = true;
      consumers.computeIfPresent(owner, (o, set) -> {
        set.remove(this);
        return set.isEmpty() ? null : set;
      });
    }
  }
}
