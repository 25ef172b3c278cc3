package dev.satchel.application.webhook;

import dev.satchel.domain.user.UserId;
import dev.satchel.domain.webhook.WebhookId;

/** In-port: deletes one of the caller's webhooks with its pending deliveries. */
public interface DeleteWebhookUseCase {
  /** @throws dev.satchel.domain.error.WebhookNotFound when the caller has no such webhook */
  void delete(UserId caller, WebhookId id);
}
