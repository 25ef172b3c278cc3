package dev.satchel.bootstrap.jobs;

import dev.satchel.bootstrap.config.SatchelConfig;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.inject.Singleton;

/** Skips webhook delivery when {@code satchel.webhooks.delivery-enabled=false} (most tests). */
@Singleton
public class WebhookDeliveryDisabled implements Scheduled.SkipPredicate {
  private final SatchelConfig config;

  public WebhookDeliveryDisabled(SatchelConfig config) {
    this.config = config;
  }

  @Override
  public boolean test(ScheduledExecution execution) {
    return !config.webhooks().deliveryEnabled();
  }
}
