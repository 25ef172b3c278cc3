package dev.satchel.application.event;

import dev.satchel.domain.event.EventId;
import dev.satchel.domain.event.OutboxPosition;
import dev.satchel.domain.user.UserId;
import java.util.Optional;

/** In-port: delivers a user's events, as they commit on any replica, to one live consumer. */
public interface StreamEventsUseCase {
  /**
   * Starts delivering the owner's events to {@code sink}: first, when {@code after} names one of
   * the owner's events still within the retention window, every later event of the owner
   * (Last-Event-ID replay; an unknown or purged id replays nothing), then each new event once,
   * in delivery order, with no gap between the two.
   *
   * @return the subscription; close it when the connection ends
   */
  EventSubscription subscribe(UserId owner, Optional<EventId> after, EventSink sink) throws InterruptedException;

  /**
   * Where the stream stands now; a consumer subscribed later {@link #subscribe(UserId,
   * OutboxPosition, EventSink) from} it misses nothing committed after this call, however late its
   * connection is set up (a WebSocket is accepted before its endpoint runs).
   */
  OutboxPosition now();

  /** Like {@link #subscribe(UserId, Optional, EventSink)}, replaying the owner's events after {@code from}. */
  EventSubscription subscribe(UserId owner, OutboxPosition from, EventSink sink) throws InterruptedException;
}
