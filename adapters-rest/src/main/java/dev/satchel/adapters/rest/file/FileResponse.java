package dev.satchel.adapters.rest.file;

import dev.satchel.domain.file.FileMetadata;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** File metadata as clients see it. */
@Schema(name = "FileMetadata")
public record FileResponse(
    UUID fileId, String filename, long size, String contentType, String checksumSha256, Instant uploadDate) {

  public static FileResponse from(FileMetadata file) {
    return new FileResponse(
        file.id().value(),
        file.filename().value(),
        file.size(),
        file.contentType().value(),
        file.checksum().hex(),
        file.uploadedAt());
  }
}
