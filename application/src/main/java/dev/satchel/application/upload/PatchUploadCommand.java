package dev.satchel.application.upload;

import dev.satchel.domain.upload.UploadId;
import dev.satchel.domain.user.UserId;
import java.io.InputStream;
import java.util.Optional;

/**
 * Bytes for an upload (tus PATCH): where the client believes they start, the unread body, and the
 * SHA-256 the client says the body has (tus checksum extension), if any.
 */
public record PatchUploadCommand(
    UserId owner, UploadId id, long offset, InputStream content, Optional<byte[]> expectedSha256) {}
