package dev.satchel.application.upload;

import dev.satchel.domain.error.UploadNotFound;
import dev.satchel.domain.tx.TransactionBoundary;
import dev.satchel.domain.upload.ResumableUpload;
import dev.satchel.domain.upload.ResumableUploadRepository;
import dev.satchel.domain.upload.UploadId;
import dev.satchel.domain.user.UserId;
import java.time.Instant;

/** Finds a caller's live upload; another user's, an expired or a missing one are all "not found". */
final class UploadLookup {
  private final ResumableUploadRepository uploads;
  private final TransactionBoundary tx;

  UploadLookup(ResumableUploadRepository uploads, TransactionBoundary tx) {
    this.uploads = uploads;
    this.tx = tx;
  }

  /** @throws UploadNotFound unless {@code owner} has a live upload {@code id} at {@code now} */
  ResumableUpload owned(UserId owner, UploadId id, Instant now) {
    return tx.inTransaction(() -> uploads.find(id))
        .filter(upload -> upload.isOwnedBy(owner) && !upload.isExpiredAt(now))
        .orElseThrow(UploadNotFound::new);
  }
}
