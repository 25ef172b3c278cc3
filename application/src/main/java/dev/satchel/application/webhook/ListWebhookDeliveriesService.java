package dev.satchel.application.webhook;

import dev.satchel.domain.error.WebhookNotFound;
import dev.satchel.domain.tx.TransactionBoundary;
import dev.satchel.domain.user.UserId;
import dev.satchel.domain.webhook.DeliveryAttempt;
import dev.satchel.domain.webhook.WebhookDeliveries;
import dev.satchel.domain.webhook.WebhookId;
import dev.satchel.domain.webhook.WebhookRepository;
import java.util.List;

/** Reads the attempt log after checking that the webhook is the caller's. */
public final class ListWebhookDeliveriesService implements ListWebhookDeliveriesUseCase {
  /** How many attempts the log shows: the latest ones are what an owner debugs with. */
  public static final int LIMIT = 100;

  private final WebhookRepository webhooks;
  private final WebhookDeliveries deliveries;
  private final TransactionBoundary tx;

  public ListWebhookDeliveriesService(WebhookRepository webhooks, WebhookDeliveries deliveries,
      TransactionBoundary tx) {
    this.webhooks = webhooks;
    this.deliveries = deliveries;
    this.tx = tx;
  }

  @Override
  public List<DeliveryAttempt> list(UserId caller, WebhookId id) {
    return tx.inTransaction(() -> {
      webhooks.findOwned(id, caller).orElseThrow(WebhookNotFound::new);
      return deliveries.latestAttempts(id, LIMIT);
    });
  }
}
