package dev.satchel.domain.webhook;

import dev.satchel.domain.user.UserId;
import java.util.List;
import java.util.Optional;

/** Out-port: the registered webhooks; callers provide the transaction. */
public interface WebhookRepository {
  void add(Webhook webhook);

  /** The owner's webhooks, oldest first. */
  List<Webhook> listOwned(UserId owner);

  Optional<Webhook> findOwned(WebhookId id, UserId owner);

  /** Whether any user has a webhook (committed); the fan-out idles while none does. */
  boolean anyExists();

  /** Deletes the webhook and its queued deliveries; false when the owner has no such webhook. */
  boolean delete(WebhookId id, UserId owner);
}
