package dev.satchel.application.webhook;

/** In-port: forgets finished deliveries (and their log) older than the log's retention. */
public interface PurgeWebhookDeliveriesUseCase {
  /** @return how many deliveries were deleted */
  int purge();
}
