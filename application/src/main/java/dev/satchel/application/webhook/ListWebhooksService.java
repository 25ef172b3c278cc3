package dev.satchel.application.webhook;

import dev.satchel.domain.tx.TransactionBoundary;
import dev.satchel.domain.user.UserId;
import dev.satchel.domain.webhook.Webhook;
import dev.satchel.domain.webhook.WebhookRepository;
import java.util.List;

/** Reads the caller's webhooks from the database. */
public final class ListWebhooksService implements ListWebhooksUseCase {
  private final WebhookRepository webhooks;
  private final TransactionBoundary tx;

  public ListWebhooksService(WebhookRepository webhooks, TransactionBoundary tx) {
    this.webhooks = webhooks;
    this.tx = tx;
  }

  @Override
  public List<Webhook> list(UserId caller) {
    return tx.inTransaction(() -> webhooks.listOwned(caller));
  }
}
