package dev.satchel.bootstrap.cache;

import dev.satchel.domain.cluster.ClusterNotifier;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * In-process stand-in for the PostgreSQL channel between replicas: each {@link #replica()} is one
 * replica's notifier; a message reaches every other connected replica at once, and none sent
 * while a replica is disconnected ever reaches it.
 */
final class LoopbackClusterHub {
  private final List<Replica> replicas = new CopyOnWriteArrayList<>();

  /** A new replica's notifier, disconnected until {@link Replica#connect()}. */
  Replica replica() {
    Replica replica = new Replica();
    replicas.add(replica);
    return replica;
  }

  /** One replica's end of the hub. */
  final class Replica implements ClusterNotifier {
    private record Subscription(String topic, Subscriber subscriber) {}

    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private volatile boolean connected;

    void connect() {
      connected = true;
      subscriptions.forEach(s -> s.subscriber().onConnected());
    }

    void disconnect() {
      connected = false;
      subscriptions.forEach(s -> s.subscriber().onDisconnected());
    }

    @Override
    public boolean publish(String topic, String message) {
      for (Replica other : replicas) {
        if (other != this && other.connected) {
          other.subscriptions.stream().filter(s -> s.topic().equals(topic)).forEach(s -> s.subscriber().onMessage(message));
        }
      }
      return true;
    }

    @Override
    public void subscribe(String topic, Subscriber subscriber) {
      subscriptions.add(new Subscription(topic, subscriber));
    }

    /** Delivers a message as if another replica had sent it. */
    void receive(String topic, String message) {
      subscriptions.stream().filter(s -> s.topic().equals(topic)).forEach(s -> s.subscriber().onMessage(message));
    }
  }
}
