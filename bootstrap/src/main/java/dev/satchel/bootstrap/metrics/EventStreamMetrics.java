package dev.satchel.bootstrap.metrics;

import dev.satchel.adapters.rest.event.EventConnections;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;

/**
 * Meters of the event streams: {@code satchel_events_connections{kind="sse"|"websocket"}} (open on
 * this replica) and {@code satchel_events_consumers_dropped_total{kind}} (disconnected for falling
 * {@code satchel.events.buffer} events behind).
 */
@Startup
@ApplicationScoped
public class EventStreamMetrics {
  public EventStreamMetrics(EventConnections connections, MeterRegistry metrics) {
    for (EventConnections.Kind kind : EventConnections.Kind.values()) {
      String tag = kind.name().toLowerCase(Locale.ROOT);
      Gauge.builder("satchel.events.connections", connections, c -> c.open(kind))
          .tag("kind", tag)
          .description("Event stream connections open on this replica")
          .register(metrics);
      FunctionCounter.builder("satchel.events.consumers.dropped", connections, c -> c.dropped(kind))
          .tag("kind", tag)
          .description("Event consumers disconnected because they fell too far behind")
          .register(metrics);
    }
  }
}
