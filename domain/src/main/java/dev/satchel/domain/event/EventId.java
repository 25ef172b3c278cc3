package dev.satchel.domain.event;

import dev.satchel.domain.id.CanonicalUuid;
import java.util.Objects;
import java.util.UUID;

/** Identity of one event: a version-7 UUID, also the SSE {@code id} and the webhook id. */
public record EventId(UUID value) {
  public EventId {
    Objects.requireNonNull(value, "value");
  }

  /**
   * Parses the canonical text form (as sent back in {@code Last-Event-ID}).
   *
   * @throws IllegalArgumentException when the text is not a UUID in its 36-character form
   */
  public static EventId parse(String text) {
    return new EventId(CanonicalUuid.parse(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
