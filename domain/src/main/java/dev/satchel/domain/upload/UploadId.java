package dev.satchel.domain.upload;

import dev.satchel.domain.error.UploadNotFound;
import dev.satchel.domain.id.CanonicalUuid;
import java.util.Objects;
import java.util.UUID;

/** Identity of a resumable upload: the last segment of its tus upload URL. */
public record UploadId(UUID value) {
  public UploadId {
    Objects.requireNonNull(value, "value");
  }

  /** Parses a client-supplied id; a malformed one names no upload, so it is answered as not found. */
  public static UploadId parse(String raw) {
    try {
      return new UploadId(CanonicalUuid.parse(raw));
    } catch (IllegalArgumentException e) {
      throw new UploadNotFound();
    }
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
