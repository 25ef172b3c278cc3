package dev.satchel.application.webhook;

import dev.satchel.domain.user.UserId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A request to register a webhook.
 *
 * @param url the receiver's URL as the client sent it
 * @param events event type names to subscribe to; empty for all types
 */
public record RegisterWebhookCommand(UserId caller, String url, Optional<List<String>> events) {
  public RegisterWebhookCommand {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(events, "events");
  }
}
