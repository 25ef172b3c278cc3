package dev.satchel.domain.file;

import dev.satchel.domain.error.InvalidInput;
import dev.satchel.domain.id.CanonicalUuid;
import java.util.Objects;
import java.util.UUID;

/** Identity of a stored file. */
public record FileId(UUID value) {
  public FileId {
    Objects.requireNonNull(value, "value");
  }

  /** Parses a client-supplied id; a malformed one is invalid input, not a missing file. */
  public static FileId parse(String raw) {
    try {
      return new FileId(CanonicalUuid.parse(raw));
    } catch (IllegalArgumentException e) {
      throw new InvalidInput("file_id", "file_id is not a valid UUID.");
    }
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
