package dev.satchel.adapters.rest.file;

import dev.satchel.domain.file.FileMetadata;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of a successful upload: the new file's metadata and a message. */
@Schema(name = "UploadedFile")
public record UploadResponse(
    UUID fileId, String filename, long size, String contentType, String checksumSha256, Instant uploadDate,
    String message) {

  static UploadResponse from(FileMetadata file) {
    return new UploadResponse(file.id().value(), file.filename().value(), file.size(), file.contentType().value(),
        file.checksum().hex(), file.uploadedAt(), "File uploaded successfully");
  }
}
