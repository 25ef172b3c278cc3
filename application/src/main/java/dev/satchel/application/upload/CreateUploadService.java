package dev.satchel.application.upload;

import dev.satchel.application.file.FileIntake;
import dev.satchel.domain.file.FileMetadata;
import dev.satchel.domain.file.FileName;
import dev.satchel.domain.id.IdGenerator;
import dev.satchel.domain.tx.TransactionBoundary;
import dev.satchel.domain.upload.ResumableUpload;
import dev.satchel.domain.upload.ResumableUploadRepository;
import dev.satchel.domain.upload.UploadId;
import dev.satchel.domain.upload.UploadStaging;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Starts a resumable upload after checking, before any byte is sent, that its announced length
 * fits the maximum file size and the owner's quota, counting the room the owner's other unfinished
 * uploads may still take. An empty upload is complete at once and becomes its file here.
 */
public final class CreateUploadService implements CreateUploadUseCase {
  /** The name of an upload whose client sent none in Upload-Metadata. */
  static final String DEFAULT_FILENAME = "upload";

  private final ResumableUploadRepository uploads;
  private final UploadStaging staging;
  private final FileIntake intake;
  private final IdGenerator ids;
  private final Clock clock;
  private final TransactionBoundary tx;
  private final ResumablePolicy policy;

  public CreateUploadService(ResumableUploadRepository uploads, UploadStaging staging, FileIntake intake,
      IdGenerator ids, Clock clock, TransactionBoundary tx, ResumablePolicy policy) {
    this.uploads = uploads;
    this.staging = staging;
    this.intake = intake;
    this.ids = ids;
    this.clock = clock;
    this.tx = tx;
    this.policy = policy;
  }

  @Override
  public ResumableUpload create(CreateUploadCommand command) {
    FileName filename = FileName.sanitize(command.filename().orElse(DEFAULT_FILENAME));
    Instant now = clock.instant();
    tx.inTransaction(() -> intake.checkAnnounced(
        command.owner(), command.length(), uploads.pendingBytes(command.owner(), now)));
    ResumableUpload upload = new ResumableUpload(new UploadId(ids.newId()), command.owner(), command.length(), 0,
        filename, command.filetype(), now, now.plus(policy.expiry()), "", Optional.empty());
    if (command.length() == 0) {
      FileMetadata file = intake.store(command.owner(), filename, command.filetype(), InputStream.nullInputStream(),
          OptionalLong.of(0), stored -> uploads.add(upload.completedAs(stored.id())));
      return upload.completedAs(file.id());
    }
    String state = staging.begin(upload.id(), upload.length());
    ResumableUpload started = upload.withStaged(0, state);
    try {
      tx.inTransaction(() -> uploads.add(started));
    } catch (RuntimeException e) {
      staging.discard(upload.id(), new UploadStaging.Staged(0, state));
      throw e;
    }
    return started;
  }
}
