package dev.satchel.domain.webhook;

import dev.satchel.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * A user's subscription: events of theirs that pass {@code events} are POSTed to {@code url},
 * signed with {@code secret}.
 */
public record Webhook(WebhookId id, UserId owner, WebhookUrl url, EventFilter events, WebhookSecret secret,
    Instant createdAt) {
  public Webhook {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
