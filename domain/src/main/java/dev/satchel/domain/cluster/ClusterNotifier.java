package dev.satchel.domain.cluster;

/**
 * Out-port: best-effort messages from one replica to every other replica of the deployment, such
 * as "forget this cached row". Delivery is at most once and only while a replica is connected;
 * {@link Subscriber#onConnected()} tells a subscriber that anything sent before may have been
 * missed, so it can drop whatever state the missed messages would have corrected.
 */
public interface ClusterNotifier {

  /**
   * Sends {@code message} on {@code topic} to the other replicas; the sender does not receive it.
   * Call it after the change it announces is committed.
   *
   * @param topic lower-case letters, digits and underscores, at most 32 characters
   * @param message at most 4000 characters
   * @return false when the message could not be handed over (it is then lost); never throws
   */
  boolean publish(String topic, String message);

  /** Delivers the messages other replicas publish on {@code topic}, from the next connection on. */
  void subscribe(String topic, Subscriber subscriber);

  /** Receives one topic's messages and the connection changes that bound their delivery. */
  interface Subscriber {
    /** One message published by another replica. Runs on the notifier's own thread. */
    void onMessage(String message);

    /** Listening (again): every message from now on is delivered; earlier ones may be lost. */
    void onConnected();

    /** Not listening: messages published from now until the next {@link #onConnected()} are lost. */
    void onDisconnected();
  }
}
