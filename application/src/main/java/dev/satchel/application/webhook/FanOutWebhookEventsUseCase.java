package dev.satchel.application.webhook;

/** In-port: queues webhook deliveries for the events the outbox has committed since the last call. */
public interface FanOutWebhookEventsUseCase {

  /** What one batch did. */
  record Batch(int read, int queued) {
    /** Nothing read, nothing queued (the cursor was held elsewhere, or no event was new). */
    public static final Batch NONE = new Batch(0, 0);
  }

  /**
   * Reads one batch of new events and queues their deliveries.
   *
   * @return how many events were read ({@link FanOutWebhookEventsService#BATCH} means more may
   *     wait) and how many deliveries they queued
   */
  Batch fanOut();

  /**
   * Tells whether any webhook exists anywhere in the cluster; when none does, also moves the fan-out
   * past every event readable now (no webhook can want them: a webhook receives only events that
   * occur after its creation, see {@code RegisterWebhookService}), so a webhook created later does
   * not make the fan-out read the backlog of the quiet time.
   *
   * @return true when at least one webhook exists
   */
  boolean anyWebhook();
}
