package dev.satchel.application.webhook;

import dev.satchel.domain.tx.TransactionBoundary;
import dev.satchel.domain.webhook.WebhookDeliveries;
import java.time.Clock;
import java.time.Duration;

/**
 * Deletes delivered and given-up deliveries queued longer than {@code retention} ago, so the queue
 * and the attempt log stay bounded; deliveries still being retried are never touched.
 */
public final class PurgeWebhookDeliveriesService implements PurgeWebhookDeliveriesUseCase {
  private final WebhookDeliveries deliveries;
  private final Clock clock;
  private final Duration retention;
  private final TransactionBoundary tx;

  public PurgeWebhookDeliveriesService(WebhookDeliveries deliveries, Clock clock, Duration retention,
      TransactionBoundary tx) {
    this.deliveries = deliveries;
    this.clock = clock;
    this.retention = retention;
    this.tx = tx;
  }

  @Override
  public int purge() {
    return tx.inTransaction(() -> deliveries.purgeFinishedBefore(clock.instant().minus(retention)));
  }
}
