package dev.satchel.adapters.rest.event;

import dev.satchel.domain.event.Event;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.concurrent.CompletionStage;

/**
 * One {@code GET /events} response: each event as {@code id:} (the event id), {@code event:}
 * (its type) and {@code data:} (its JSON), per the HTML Living Standard's event-stream format.
 */
final class SseStream extends BoundedSink {
  private final SseEventSink sink;
  private final HttpServerResponse response;
  private final Sse sse;
  private final EventJson json;

  SseStream(SseEventSink sink, HttpServerResponse response, Sse sse, EventJson json, int buffer,
      EventConnections connections) {
    super(buffer, connections, EventConnections.Kind.SSE);
    this.sink = sink;
    this.response = response;
    this.sse = sse;
    this.json = json;
  }

  @Override
  CompletionStage<?> write(Event event) {
    OutboundSseEvent frame = sse.newEventBuilder()
        .id(event.id().toString())
        .name(event.type().wireName())
        .data(json.write(event)) // no media type: RESTEasy would add a non-standard content-type field
        .build();
    return sink.send(frame);
  }

  /** Writes a comment line, which clients ignore and proxies see as traffic; skipped when the buffer is full. */
  void comment(String text) {
    if (sink.isClosed()) {
      closed();
    } else if (tryReserve()) {
      written(sink.send(sse.newEventBuilder().comment(text).build()));
    }
  }

  // Ending the response politely would queue its end behind the writes the client is not
  // reading; a consumer dropped for that is cut off at the connection instead.
  @Override
  void disconnect() {
    response.close();
  }
}
