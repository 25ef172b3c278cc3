package dev.satchel.application.upload;

import dev.satchel.domain.error.UploadBusy;
import dev.satchel.domain.id.IdGenerator;
import dev.satchel.domain.tx.TransactionBoundary;
import dev.satchel.domain.upload.ResumableUpload;
import dev.satchel.domain.upload.ResumableUploadRepository;
import dev.satchel.domain.upload.UploadId;
import dev.satchel.domain.upload.UploadStaging;
import dev.satchel.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Ends an upload at the client's request (tus termination): its staged bytes go, then its record.
 * A finished upload loses only its record; the file it became stays.
 */
public final class TerminateUploadService implements TerminateUploadUseCase {
  private final ResumableUploadRepository uploads;
  private final UploadStaging staging;
  private final IdGenerator ids;
  private final Clock clock;
  private final TransactionBoundary tx;
  private final UploadLeases leases;
  private final UploadLookup lookup;

  public TerminateUploadService(ResumableUploadRepository uploads, UploadStaging staging, IdGenerator ids,
      Clock clock, TransactionBoundary tx, UploadLeases leases) {
    this.uploads = uploads;
    this.staging = staging;
    this.ids = ids;
    this.clock = clock;
    this.tx = tx;
    this.leases = leases;
    this.lookup = new UploadLookup(uploads, tx);
  }

  @Override
  public void terminate(UserId owner, UploadId id) {
    Instant now = clock.instant();
    ResumableUpload upload = lookup.owned(owner, id, now);
    if (!upload.isComplete()) {
      UUID token = ids.newId();
      // A PATCH writing now would race the removal of its staged bytes.
      if (!leases.claim(id, token, now)) { // renewed: removing staged parts from S3 may outlast one lease
        throw new UploadBusy();
      }
      try {
        staging.discard(id, new UploadStaging.Staged(upload.offset(), upload.stagingState()));
      } finally {
        leases.drop(token);
      }
    }
    tx.inTransaction(() -> uploads.delete(id));
  }
}
