package dev.satchel.application.upload;

import dev.satchel.domain.id.IdGenerator;
import dev.satchel.domain.tx.TransactionBoundary;
import dev.satchel.domain.upload.ResumableUpload;
import dev.satchel.domain.upload.ResumableUploadRepository;
import dev.satchel.domain.upload.UploadStaging;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Removes uploads past their expiry (tus expiration): an unfinished one with its staged bytes (an
 * S3 multipart upload is aborted), a finished one just its record. An upload a writer holds is
 * left for the next run. One run removes at most {@link #BATCH_SIZE}; the next run goes on.
 */
public final class ExpireUploadsService implements ExpireUploadsUseCase {
  public static final int BATCH_SIZE = 200;
  private static final Logger LOG = Logger.getLogger(ExpireUploadsService.class.getName());

  private final ResumableUploadRepository uploads;
  private final UploadStaging staging;
  private final IdGenerator ids;
  private final Clock clock;
  private final TransactionBoundary tx;
  private final UploadLeases leases;

  public ExpireUploadsService(ResumableUploadRepository uploads, UploadStaging staging, IdGenerator ids, Clock clock,
      TransactionBoundary tx, UploadLeases leases) {
    this.uploads = uploads;
    this.staging = staging;
    this.ids = ids;
    this.clock = clock;
    this.tx = tx;
    this.leases = leases;
  }

  @Override
  public int expire() {
    Instant now = clock.instant();
    int removed = 0;
    for (ResumableUpload upload : tx.inTransaction(() -> uploads.expiredBy(now, BATCH_SIZE))) {
      if (remove(upload, now)) {
        removed++;
      }
    }
    return removed;
  }

  private boolean remove(ResumableUpload upload, Instant now) {
    if (!upload.isComplete()) {
      UUID token = ids.newId();
      if (!leases.claim(upload.id(), token, now)) { // renewed: removing staged parts from S3 may outlast one lease
        return false;
      }
      try {
        staging.discard(upload.id(), new UploadStaging.Staged(upload.offset(), upload.stagingState()));
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "could not remove the staged bytes of expired upload " + upload.id(), e);
        tx.inTransaction(() -> uploads.release(upload.id(), token));
        return false;
      } finally {
        leases.drop(token);
      }
    }
    tx.inTransaction(() -> uploads.delete(upload.id()));
    return true;
  }
}
