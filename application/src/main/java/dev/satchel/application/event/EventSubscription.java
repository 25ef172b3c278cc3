package dev.satchel.application.event;

/** A consumer's place in the stream; closing it stops delivery (the connection went away). */
public interface EventSubscription extends AutoCloseable {
  @Override
  void close();
}
