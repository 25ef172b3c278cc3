package dev.satchel.domain.webhook;

import dev.satchel.domain.error.InvalidInput;
import dev.satchel.domain.id.CanonicalUuid;
import java.util.Objects;
import java.util.UUID;

/** Identity of a registered webhook. */
public record WebhookId(UUID value) {
  public WebhookId {
    Objects.requireNonNull(value, "value");
  }

  /** Parses a path parameter; anything but a UUID is {@link InvalidInput} on {@code webhook_id}. */
  public static WebhookId parse(String raw) {
    try {
      return new WebhookId(CanonicalUuid.parse(raw));
    } catch (IllegalArgumentException e) {
      throw new InvalidInput("webhook_id", "webhook_id is not a valid UUID.");
    }
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
