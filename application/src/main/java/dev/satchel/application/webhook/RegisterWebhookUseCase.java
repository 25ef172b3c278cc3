package dev.satchel.application.webhook;

import dev.satchel.domain.webhook.Webhook;

/** In-port: registers a webhook and returns it with its secret, the only time the secret is shown. */
public interface RegisterWebhookUseCase {
  /**
   * @throws dev.satchel.domain.error.InvalidInput on {@code url} (malformed, not http(s), user
   *     info, refused destination) or {@code events} (unknown, duplicate or empty list)
   */
  Webhook register(RegisterWebhookCommand command);
}
