package dev.satchel.adapters.rest.event;

import dev.satchel.domain.event.Event;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import java.util.concurrent.CompletionStage;

/** One {@code /events/ws} connection: each event is one text frame holding its JSON. */
final class SocketStream extends BoundedSink {
  /** RFC 6455 section 7.4.1: 1008, the endpoint's policy (a bounded buffer) ends the connection. */
  private static final CloseReason TOO_SLOW = new CloseReason(1008, "consumer too slow");

  private final WebSocketConnection connection;
  private final EventJson json;

  SocketStream(WebSocketConnection connection, EventJson json, int buffer, EventConnections connections) {
    super(buffer, connections, EventConnections.Kind.WEBSOCKET);
    this.connection = connection;
    this.json = json;
  }

  @Override
  CompletionStage<?> write(Event event) {
    return connection.sendText(json.write(event)).subscribeAsCompletionStage();
  }

  @Override
  void disconnect() {
    connection.close(TOO_SLOW).subscribe().with(done -> { }, failure -> { });
  }
}
