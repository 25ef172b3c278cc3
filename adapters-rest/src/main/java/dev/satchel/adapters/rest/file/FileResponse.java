package dev.satchel.adapters.rest.file;

import dev.satchel.domain.file.FileMetadata;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** File metadata as clients see it. */
@Schema(name = "FileMetadata")
public record FileResponse(
    @Schema(required = true) UUID fileId,
    @Schema(required = true, description = "The client's name, last path segment, control characters removed")
    String filename,
    @Schema(required = true, description = "Bytes", minimum = "0") long size,
    @Schema(required = true, example = "application/pdf") String contentType,
    @Schema(required = true, description = "Lower-case hex SHA-256 of the bytes; also the ETag",
        pattern = "^[0-9a-f]{64}$") String checksumSha256,
    @Schema(required = true) Instant uploadDate,
    @Schema(required = true, description = "Whether the bytes are stored encrypted at rest; downloads are the same either way")
    boolean encrypted) {

  public static FileResponse from(FileMetadata file) {
    return new FileResponse(
        file.id().value(),
        file.filename().value(),
        file.size(),
        file.contentType().value(),
        file.checksum().hex(),
        file.uploadedAt(),
        file.encrypted());
  }
}
