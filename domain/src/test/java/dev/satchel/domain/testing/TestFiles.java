package dev.satchel.domain.testing;

import dev.satchel.domain.file.FileId;
import dev.satchel.domain.file.FileMetadata;
import dev.satchel.domain.file.FileName;
import dev.satchel.domain.file.MediaType;
import dev.satchel.domain.file.Sha256Checksum;
import dev.satchel.domain.storage.StorageKey;
import dev.satchel.domain.user.UserId;
import java.time.Instant;
import java.util.UUID;

/** Builds file metadata rows for tests; each file gets a fresh random id and storage key. */
public final class TestFiles {
  // Metadata-only tests never read bytes, so any well-formed digest will do.
  private static final Sha256Checksum PLACEHOLDER_CHECKSUM =
      new Sha256Checksum("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

  private final UserId owner;
  private String name = "file.bin";
  private long size = 1;
  private MediaType type = MediaType.OCTET_STREAM;
  private Instant uploadedAt = Instant.parse("2025-01-01T00:00:00Z");

  private TestFiles(UserId owner) {
    this.owner = owner;
  }

  public static TestFiles fileOf(UserId owner) {
    return new TestFiles(owner);
  }

  public static UserId newUser() {
    return new UserId(UUID.randomUUID());
  }

  public TestFiles named(String value) {
    this.name = value;
    return this;
  }

  public TestFiles size(long bytes) {
    this.size = bytes;
    return this;
  }

  public TestFiles type(String mediaType) {
    this.type = new MediaType(mediaType);
    return this;
  }

  public TestFiles uploadedAt(Instant at) {
    this.uploadedAt = at;
    return this;
  }

  public FileMetadata build() {
    return new FileMetadata(new FileId(UUID.randomUUID()), owner, new FileName(name), size, type,
        PLACEHOLDER_CHECKSUM, StorageKey.forBlob(UUID.randomUUID()), uploadedAt);
  }
}
