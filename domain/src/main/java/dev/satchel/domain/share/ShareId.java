package dev.satchel.domain.share;

import dev.satchel.domain.error.InvalidInput;
import dev.satchel.domain.id.CanonicalUuid;
import java.util.Objects;
import java.util.UUID;

/** Identity of a share link (public, unlike its token). */
public record ShareId(UUID value) {
  public ShareId {
    Objects.requireNonNull(value, "value");
  }

  public static ShareId parse(String raw) {
    try {
      return new ShareId(CanonicalUuid.parse(raw));
    } catch (IllegalArgumentException e) {
      throw new InvalidInput("share_id", "share_id is not a valid UUID.");
    }
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
