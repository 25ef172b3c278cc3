package dev.satchel.adapters.persistence.file;

import dev.satchel.domain.file.FileId;
import dev.satchel.domain.file.FileMetadata;
import dev.satchel.domain.file.FileName;
import dev.satchel.domain.file.MediaType;
import dev.satchel.domain.file.Sha256Checksum;
import dev.satchel.domain.storage.StorageKey;
import dev.satchel.domain.user.UserId;

/** Converts between file rows and the domain's {@link FileMetadata}. */
final class FileEntityMapper {
  private FileEntityMapper() {}

  static FileEntity toEntity(FileMetadata file) {
    FileEntity entity = new FileEntity();
    entity.id = file.id().value();
    entity.ownerId = file.owner().value();
    entity.filename = file.filename().value();
    entity.filenameLower = file.filename().sortKey();
    entity.extension = file.filename().extension();
    entity.sizeBytes = file.size();
    entity.contentType = file.contentType().value();
    entity.checksumSha256 = file.checksum().hex();
    entity.storageKey = file.storageKey().value();
    entity.uploadedAt = file.uploadedAt();
    entity.encrypted = file.encrypted();
    return entity;
  }

  static FileMetadata toDomain(FileEntity entity) {
    return new FileMetadata(
        new FileId(entity.id),
        new UserId(entity.ownerId),
        new FileName(entity.filename),
        entity.sizeBytes,
        new MediaType(entity.contentType),
        new Sha256Checksum(entity.checksumSha256),
        new StorageKey(entity.storageKey),
        entity.uploadedAt,
        entity.encrypted);
  }
}
