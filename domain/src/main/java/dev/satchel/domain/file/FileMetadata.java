package dev.satchel.domain.file;

import dev.satchel.domain.storage.StorageKey;
import dev.satchel.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * What Satchel knows about one stored file. Invariant: the blob under {@link #storageKey()} holds
 * exactly {@link #size()} bytes whose SHA-256 is {@link #checksum()}; the row is written only
 * after the blob is. {@link #encrypted()} tells whether the store keeps the blob encrypted at rest
 * (the bytes served are the plaintext either way).
 */
public record FileMetadata(
    FileId id,
    UserId owner,
    FileName filename,
    long size,
    MediaType contentType,
    Sha256Checksum checksum,
    StorageKey storageKey,
    Instant uploadedAt,
    boolean encrypted) {

  public FileMetadata {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(filename, "filename");
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(checksum, "checksum");
    Objects.requireNonNull(storageKey, "storageKey");
    Objects.requireNonNull(uploadedAt, "uploadedAt");
    if (size < 0) {
      throw new IllegalArgumentException("size must not be negative");
    }
  }

  /** A file whose blob is stored as it is (encryption at rest off when it was stored). */
  public FileMetadata(FileId id, UserId owner, FileName filename, long size, MediaType contentType,
      Sha256Checksum checksum, StorageKey storageKey, Instant uploadedAt) {
    this(id, owner, filename, size, contentType, checksum, storageKey, uploadedAt, false);
  }

  public boolean isOwnedBy(UserId user) {
    return owner.equals(user);
  }
}
