package dev.satchel.domain.upload;

import dev.satchel.domain.file.FileId;
import dev.satchel.domain.file.FileName;
import dev.satchel.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A tus upload in progress (tus 1.0.0 core and creation): {@code length} bytes announced,
 * {@code offset} of them durably staged. Invariants: {@code 0 <= offset <= length}; once the last
 * byte is in, the upload has become {@link #file()}; {@code stagingState} is the staging store's
 * own bookkeeping (an S3 multipart upload id and its parts), opaque to the core.
 */
public record ResumableUpload(
    UploadId id,
    UserId owner,
    long length,
    long offset,
    FileName filename,
    Optional<String> filetype,
    Instant createdAt,
    Instant expiresAt,
    String stagingState,
    Optional<FileId> file) {

  public ResumableUpload {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(filename, "filename");
    Objects.requireNonNull(filetype, "filetype");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(stagingState, "stagingState");
    Objects.requireNonNull(file, "file");
    if (length < 0 || offset < 0 || offset > length) {
      throw new IllegalArgumentException("need 0 <= offset <= length");
    }
  }

  public boolean isOwnedBy(UserId user) {
    return owner.equals(user);
  }

  /** Whether the upload has become a file. */
  public boolean isComplete() {
    return file.isPresent();
  }

  /** An unfinished upload past its expiry takes no more bytes; a finished one stays readable until removed. */
  public boolean isExpiredAt(Instant now) {
    return !isComplete() && !now.isBefore(expiresAt);
  }

  public ResumableUpload withStaged(long newOffset, String newState) {
    return new ResumableUpload(id, owner, length, newOffset, filename, filetype, createdAt, expiresAt, newState, file);
  }

  public ResumableUpload completedAs(FileId fileId) {
    return new ResumableUpload(id, owner, length, length, filename, filetype, createdAt, expiresAt, stagingState,
        Optional.of(fileId));
  }
}
