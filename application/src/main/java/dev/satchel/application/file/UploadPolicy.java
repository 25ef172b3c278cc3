package dev.satchel.application.file;

import java.util.OptionalLong;

/** Limits on uploads: the largest single file, and an optional per-user quota of stored bytes. */
public record UploadPolicy(long maxFileBytes, OptionalLong quotaBytes) {
  public UploadPolicy {
    if (maxFileBytes < 0) {
      throw new IllegalArgumentException("maxFileBytes must not be negative");
    }
  }
}
