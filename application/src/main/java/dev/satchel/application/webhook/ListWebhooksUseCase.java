package dev.satchel.application.webhook;

import dev.satchel.domain.user.UserId;
import dev.satchel.domain.webhook.Webhook;
import java.util.List;

/** In-port: the caller's webhooks, oldest first. */
public interface ListWebhooksUseCase {
  List<Webhook> list(UserId caller);
}
