package dev.satchel.application.upload;

import dev.satchel.application.file.FileIntake;
import dev.satchel.domain.error.FileTooLarge;
import dev.satchel.domain.error.QuotaExceeded;
import dev.satchel.domain.error.UploadBusy;
import dev.satchel.domain.error.UploadChecksumMismatch;
import dev.satchel.domain.error.UploadIncomplete;
import dev.satchel.domain.error.UploadOffsetMismatch;
import dev.satchel.domain.file.FileMetadata;
import dev.satchel.domain.id.IdGenerator;
import dev.satchel.domain.tx.TransactionBoundary;
import dev.satchel.domain.upload.ResumableUpload;
import dev.satchel.domain.upload.ResumableUploadRepository;
import dev.satchel.domain.upload.UploadId;
import dev.satchel.domain.upload.UploadStaging;
import dev.satchel.domain.upload.UploadStaging.Staged;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Appends a PATCH body to an upload (tus 1.0.0 core, checksum extension). The writer first takes
 * the upload's lease, so of two concurrent PATCHes one wins and the other gets {@link UploadBusy};
 * the new offset is recorded only once the staging store holds the bytes durably and their
 * checksum matched. The last byte turns the upload into a file through {@link FileIntake}, exactly
 * as {@code POST /upload} does: the staged content is streamed once more, into the blob store
 * (encrypted there when encryption at rest is on), which measures its size and its whole SHA-256.
 */
public final class PatchUploadService implements PatchUploadUseCase {
  private static final Logger LOG = Logger.getLogger(PatchUploadService.class.getName());

  private final ResumableUploadRepository uploads;
  private final UploadStaging staging;
  private final FileIntake intake;
  private final IdGenerator ids;
  private final Clock clock;
  private final TransactionBoundary tx;
  private final UploadLeases leases;
  private final UploadLookup lookup;

  public PatchUploadService(ResumableUploadRepository uploads, UploadStaging staging, FileIntake intake,
      IdGenerator ids, Clock clock, TransactionBoundary tx, UploadLeases leases) {
    this.uploads = uploads;
    this.staging = staging;
    this.intake = intake;
    this.ids = ids;
    this.clock = clock;
    this.tx = tx;
    this.leases = leases;
    this.lookup = new UploadLookup(uploads, tx);
  }

  @Override
  public ResumableUpload patch(PatchUploadCommand command) {
    UploadId id = command.id();
    Instant now = clock.instant();
    ResumableUpload before = lookup.owned(command.owner(), id, now);
    if (before.isComplete() || command.offset() != before.offset()) {
      throw new UploadOffsetMismatch(before.offset());
    }
    UUID token = ids.newId();
    if (!leases.claim(id, token, now)) {
      throw new UploadBusy();
    }
    try {
      return write(command, id, token);
    } finally {
      leases.drop(token);
    }
  }

  private ResumableUpload write(PatchUploadCommand command, UploadId id, UUID token) {
    boolean leaseHeld = true;
    try {
      // Under the lease now: a writer that finished just before may have moved the offset.
      ResumableUpload upload = lookup.owned(command.owner(), id, clock.instant());
      if (upload.isComplete() || command.offset() != upload.offset()) {
        throw new UploadOffsetMismatch(upload.offset());
      }
      Staged kept = new Staged(upload.offset(), upload.stagingState());
      ChunkStream chunk = new ChunkStream(command.content(), upload.length() - upload.offset(),
          () -> leases.isHeld(token));
      Staged staged = staging.append(id, upload.length(), kept, chunk);
      rejectUnverified(id, command, chunk, staged, kept, upload.length());
      if (staged.offset() == upload.length()) {
        leaseHeld = false; // completion frees it, or removes the upload
        return complete(upload, token, staged);
      }
      boolean recorded = tx.inTransaction(() -> uploads.advance(id, token, staged.offset(), staged.state()));
      leaseHeld = false;
      if (!recorded) {
        throw new UploadBusy(); // the lease ran out and another writer took over from the old offset
      }
      if (chunk.sourceFailure() != null) {
        throw new UploadIncomplete("The body ended early; its first " + (staged.offset() - kept.offset())
            + " bytes were kept.", chunk.sourceFailure());
      }
      return upload.withStaged(staged.offset(), staged.state());
    } finally {
      if (leaseHeld) {
        releaseQuietly(id, token);
      }
    }
  }

  // Bytes that are not exactly the client's are never acknowledged: the next append starts again
  // from the kept offset.
  private void rejectUnverified(UploadId id, PatchUploadCommand command, ChunkStream chunk, Staged staged,
      Staged kept, long length) {
    RuntimeException rejection = null;
    if (chunk.overflowed()) {
      rejection = new UploadIncomplete("The body runs past Upload-Length (" + length + " bytes).", null);
    } else if (chunk.leaseLost()) {
      rejection = new UploadBusy();
    } else if (command.expectedSha256().isPresent()
        && (chunk.sourceFailure() != null || !MessageDigest.isEqual(chunk.sha256(), command.expectedSha256().get()))) {
      rejection = new UploadChecksumMismatch();
    }
    if (rejection != null) {
      staging.abandon(id, staged, kept);
      throw rejection;
    }
  }

  private ResumableUpload complete(ResumableUpload upload, UUID token, Staged staged) {
    UploadId id = upload.id();
    Staged sealed = seal(upload, token, staged);
    FileMetadata file;
    try (InputStream content = staging.open(id, sealed)) {
      file = intake.store(upload.owner(), upload.filename(), upload.filetype(), content,
          OptionalLong.of(upload.length()), stored -> {
            if (!uploads.complete(id, token, stored.id())) {
              throw new UploadBusy();
            }
          });
    } catch (QuotaExceeded | FileTooLarge e) {
      // It can never become a file: drop it rather than keep bytes nobody can use.
      remove(id, sealed);
      throw e;
    } catch (IOException e) {
      releaseQuietly(id, token);
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      releaseQuietly(id, token);
      throw e;
    }
    discardQuietly(id, sealed);
    return upload.completedAs(file.id());
  }

  // Should the completion fail after this, a retried last PATCH must find the staging sealed (on S3
  // the parts are one object by now and the multipart upload is gone), so the sealed state is recorded.
  private Staged seal(ResumableUpload upload, UUID token, Staged staged) {
    try {
      Staged sealed = staging.seal(upload.id(), upload.length(), staged);
      if (!tx.inTransaction(() -> uploads.restage(upload.id(), token, sealed.state()))) {
        throw new UploadBusy();
      }
      return sealed;
    } catch (RuntimeException e) {
      releaseQuietly(upload.id(), token);
      throw e;
    }
  }

  private void remove(UploadId id, Staged staged) {
    discardQuietly(id, staged);
    tx.inTransaction(() -> uploads.delete(id));
  }

  private void discardQuietly(UploadId id, Staged staged) {
    try {
      staging.discard(id, staged);
    } catch (RuntimeException e) {
      // The expiry job cannot find it any more once the row is gone; the store's own lifecycle must.
      LOG.log(Level.WARNING, "could not remove the staged bytes of upload " + id, e);
    }
  }

  private void releaseQuietly(UploadId id, UUID token) {
    try {
      tx.inTransaction(() -> uploads.release(id, token));
    } catch (RuntimeException e) {
      // The lease runs out by itself.
      LOG.log(Level.FINE, "could not release the lease of upload " + id, e);
    }
  }
}
