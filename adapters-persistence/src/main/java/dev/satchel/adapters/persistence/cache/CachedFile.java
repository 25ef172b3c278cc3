package dev.satchel.adapters.persistence.cache;

import dev.satchel.domain.file.FileId;
import dev.satchel.domain.file.FileMetadata;
import dev.satchel.domain.file.FileName;
import dev.satchel.domain.file.MediaType;
import dev.satchel.domain.file.Sha256Checksum;
import dev.satchel.domain.storage.StorageKey;
import dev.satchel.domain.user.UserId;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/** File metadata as stored in Redis: short field names keep entries compact. */
@RegisterForReflection
public record CachedFile(UUID i, UUID o, String n, long s, String t, String c, String k, long u, boolean e) {

  static CachedFile from(FileMetadata file) {
    Instant at = file.uploadedAt();
    return new CachedFile(file.id().value(), file.owner().value(), file.filename().value(), file.size(),
        file.contentType().value(), file.checksum().hex(), file.storageKey().value(),
        at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000, file.encrypted());
  }

  FileMetadata toDomain() {
    return new FileMetadata(new FileId(i), new UserId(o), new FileName(n), s, new MediaType(t),
        new Sha256Checksum(c), new StorageKey(k), Instant.ofEpochSecond(u / 1_000_000L, (u % 1_000_000L) * 1_000), e);
  }
}
