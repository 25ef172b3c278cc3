package dev.satchel.adapters.rest.event;

import dev.satchel.application.event.StreamEventsUseCase;
import dev.satchel.domain.event.EventId;
import dev.satchel.domain.event.OutboxPosition;
import dev.satchel.domain.user.UserId;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code GET /events/ws}: the caller's events as WebSocket text frames (API.md, "Events"). The
 * caller was identified before the upgrade by {@link EventSocketUpgradeCheck}, which also
 * decided where the stream starts (now, or after the event a resuming client names); messages
 * from the client are ignored.
 */
@WebSocket(path = "/events/ws", endpointId = EventSocket.ID)
public class EventSocket {
  static final String ID = "satchel-events";
  /** The user id the upgrade check found, handed to the connection. */
  static final UserData.TypedKey<String> OWNER = UserData.TypedKey.forString("satchel.owner");
  /** Where the stream stood when the upgrade was accepted ({@code transaction:sequence}). */
  static final UserData.TypedKey<String> FROM = UserData.TypedKey.forString("satchel.from");
  /** The event a resuming connection continues after, instead of {@link #FROM}. */
  static final UserData.TypedKey<String> AFTER = UserData.TypedKey.forString("satchel.after");

  private final StreamEventsUseCase streams;
  private final EventJson json;
  private final EventStreamSettings settings;
  private final EventConnections connections;
  private final Map<String, SocketStream> open = new ConcurrentHashMap<>();

  public EventSocket(StreamEventsUseCase streams, EventJson json, EventStreamSettings settings,
      EventConnections connections) {
    this.streams = streams;
    this.json = json;
    this.settings = settings;
    this.connections = connections;
  }

  @OnOpen
  public void opened(WebSocketConnection connection) throws InterruptedException {
    UserId owner = new UserId(UUID.fromString(connection.userData().get(OWNER)));
    SocketStream stream = new SocketStream(connection, json, settings.buffer(), connections);
    open.put(connection.id(), stream);
    String after = connection.userData().get(AFTER);
    if (after != null) {
      stream.subscribe(sink -> streams.subscribe(owner, Optional.of(EventId.parse(after)), sink));
      return;
    }
    // From where the stream stood at the upgrade: the client may act as soon as it sees the 101,
    // before this method runs.
    String[] from = connection.userData().get(FROM).split(":");
    OutboxPosition position = new OutboxPosition(Long.parseLong(from[0]), Long.parseLong(from[1]));
    stream.subscribe(sink -> streams.subscribe(owner, position, sink));
  }

  @OnClose
  public void closed(WebSocketConnection connection) {
    SocketStream stream = open.remove(connection.id());
    if (stream != null) {
      stream.closed();
    }
  }
}
