package dev.satchel.adapters.rest.event;

import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes a comment line to every open SSE stream each {@code heartbeat}, so idle streams survive
 * proxies that cut silent connections, and streams whose client left are noticed and closed.
 */
@ApplicationScoped
public class SseHeartbeat {
  private final Set<SseStream> streams = ConcurrentHashMap.newKeySet();

  public SseHeartbeat(Vertx vertx, EventStreamSettings settings) {
    vertx.setPeriodic(settings.heartbeat().toMillis(), tick -> beat());
  }

  void add(SseStream stream) {
    streams.add(stream);
  }

  private void beat() {
    for (SseStream stream : streams) {
      stream.comment("keep-alive");
      if (stream.isClosed()) {
        streams.remove(stream);
      }
    }
  }
}
