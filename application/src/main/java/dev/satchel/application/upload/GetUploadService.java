package dev.satchel.application.upload;

import dev.satchel.domain.tx.TransactionBoundary;
import dev.satchel.domain.upload.ResumableUpload;
import dev.satchel.domain.upload.ResumableUploadRepository;
import dev.satchel.domain.upload.UploadId;
import dev.satchel.domain.user.UserId;
import java.time.Clock;

/** Reports an upload's durable offset; a finished upload keeps reporting its file until it expires. */
public final class GetUploadService implements GetUploadUseCase {
  private final UploadLookup lookup;
  private final Clock clock;

  public GetUploadService(ResumableUploadRepository uploads, Clock clock, TransactionBoundary tx) {
    this.lookup = new UploadLookup(uploads, tx);
    this.clock = clock;
  }

  @Override
  public ResumableUpload get(UserId owner, UploadId id) {
    return lookup.owned(owner, id, clock.instant());
  }
}
