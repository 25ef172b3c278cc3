package dev.satchel.application.webhook;

import dev.satchel.domain.error.WebhookNotFound;
import dev.satchel.domain.tx.TransactionBoundary;
import dev.satchel.domain.user.UserId;
import dev.satchel.domain.webhook.WebhookId;
import dev.satchel.domain.webhook.WebhookRepository;

/** Deletes a webhook; another user's is answered as missing, so ids cannot be probed. */
public final class DeleteWebhookService implements DeleteWebhookUseCase {
  private final WebhookRepository webhooks;
  private final TransactionBoundary tx;

  public DeleteWebhookService(WebhookRepository webhooks, TransactionBoundary tx) {
    this.webhooks = webhooks;
    this.tx = tx;
  }

  @Override
  public void delete(UserId caller, WebhookId id) {
    if (!tx.inTransaction(() -> webhooks.delete(id, caller))) {
      throw new WebhookNotFound();
    }
  }
}
