package dev.satchel.application.webhook;

import dev.satchel.domain.user.UserId;
import dev.satchel.domain.webhook.DeliveryAttempt;
import dev.satchel.domain.webhook.WebhookId;
import java.util.List;

/** In-port: the latest delivery attempts of one of the caller's webhooks, newest first. */
public interface ListWebhookDeliveriesUseCase {
  /** @throws dev.satchel.domain.error.WebhookNotFound when the caller has no such webhook */
  List<DeliveryAttempt> list(UserId caller, WebhookId id);
}
