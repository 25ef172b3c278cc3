package dev.satchel.application.webhook;

/** In-port: queues webhook deliveries for the events the outbox has committed since the last call. */
public interface FanOutWebhookEventsUseCase {
  /** @return how many events were read; {@link FanOutWebhookEventsService#BATCH} means more may wait */
  int fanOut();
}
