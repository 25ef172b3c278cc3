package dev.satchel.bootstrap.metrics;

import dev.satchel.domain.cluster.ClusterNotifier;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the messages replicas exchange and the listener's connections, per topic:
 * {@code satchel_cluster_messages_total{direction=published|received|unsent}},
 * {@code satchel_cluster_listener_reconnects_total} and the gauge
 * {@code satchel_cluster_listener_connected} (1 while messages are being received).
 */
public final class MeteredClusterNotifier implements ClusterNotifier, AutoCloseable {
  private final ClusterNotifier delegate;
  private final MeterRegistry metrics;

  public MeteredClusterNotifier(ClusterNotifier delegate, MeterRegistry metrics) {
    this.delegate = delegate;
    this.metrics = metrics;
  }

  @Override
  public boolean publish(String topic, String message) {
    boolean sent = delegate.publish(topic, message);
    messages(topic, sent ? "published" : "unsent").increment();
    return sent;
  }

  @Override
  public void subscribe(String topic, Subscriber subscriber) {
    AtomicInteger connected = metrics.gauge("satchel.cluster.listener.connected",
        Tags.of("topic", topic), new AtomicInteger());
    var received = messages(topic, "received");
    var reconnects = metrics.counter("satchel.cluster.listener.reconnects", "topic", topic);
    delegate.subscribe(topic, new Subscriber() {
      private boolean everConnected;

      @Override
      public void onMessage(String message) {
        received.increment();
        subscriber.onMessage(message);
      }

      @Override
      public void onConnected() {
        if (everConnected) {
          reconnects.increment();
        }
        everConnected = true;
        subscriber.onConnected();
        connected.set(1);
      }

      @Override
      public void onDisconnected() {
        connected.set(0);
        subscriber.onDisconnected();
      }
    });
  }

  private Counter messages(String topic, String direction) {
    return metrics.counter("satchel.cluster.messages", "topic", topic, "direction", direction);
  }

  @Override
  public void close() throws Exception {
    if (delegate instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }
}
