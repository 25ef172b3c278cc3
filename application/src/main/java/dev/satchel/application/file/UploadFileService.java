package dev.satchel.application.file;

import dev.satchel.application.event.EventRecorder;
import dev.satchel.domain.error.FileTooLarge;
import dev.satchel.domain.error.QuotaExceeded;
import dev.satchel.domain.error.UploadIncomplete;
import dev.satchel.domain.file.FileId;
import dev.satchel.domain.file.FileMetadata;
import dev.satchel.domain.file.FileMetadataRepository;
import dev.satchel.domain.file.FileName;
import dev.satchel.domain.file.MediaTypeDetector;
import dev.satchel.domain.file.Sha256Checksum;
import dev.satchel.domain.id.IdGenerator;
import dev.satchel.domain.storage.BlobStorage;
import dev.satchel.domain.storage.StorageKey;
import dev.satchel.domain.tx.TransactionBoundary;
import java.time.Clock;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Streams an upload to the blob store under a fresh key while measuring it, then records its
 * metadata and its {@code file.uploaded} event in one transaction. The blob is written first and removed again if anything after it
 * fails, so a client never sees a row without bytes or keeps bytes without a row.
 */
public final class UploadFileService implements UploadFileUseCase {
  private static final Logger LOG = Logger.getLogger(UploadFileService.class.getName());

  private final BlobStorage blobs;
  private final FileMetadataRepository files;
  private final MediaTypeDetector detector;
  private final IdGenerator ids;
  private final Clock clock;
  private final TransactionBoundary tx;
  private final UploadPolicy policy;
  private final EventRecorder events;

  public UploadFileService(
      BlobStorage blobs,
      FileMetadataRepository files,
      MediaTypeDetector detector,
      IdGenerator ids,
      Clock clock,
      TransactionBoundary tx,
      UploadPolicy policy,
      EventRecorder events) {
    this.blobs = blobs;
    this.files = files;
    this.detector = detector;
    this.ids = ids;
    this.clock = clock;
    this.tx = tx;
    this.policy = policy;
    this.events = events;
  }

  @Override
  public FileMetadata upload(UploadFileCommand command) {
    FileName filename = FileName.sanitize(command.filename());
    OptionalLong declared = command.declaredLength();
    if (declared.isPresent() && declared.getAsLong() > policy.maxFileBytes()) {
      throw new FileTooLarge(policy.maxFileBytes());
    }
    // Early refusal without a lock, so a client does not send bytes that cannot fit.
    declared.ifPresent(length -> ensureWithinQuota(() -> files.storedBytes(command.owner()), length));

    StorageKey key = StorageKey.forBlob(ids.newId());
    MeasuringInputStream body =
        new MeasuringInputStream(command.content(), policy.maxFileBytes(), detector.headLength());
    try {
      blobs.write(key, body, declared);
    } catch (RuntimeException e) {
      discard(key);
      throw explain(body, e);
    }
    try {
      FileMetadata file = new FileMetadata(
          new FileId(ids.newId()),
          command.owner(),
          filename,
          body.count(),
          detector.detect(body.head(), filename, command.declaredType()),
          Sha256Checksum.of(body.sha256()),
          key,
          clock.instant(),
          blobs.encryptsNewBlobs());
      // The binding check: under the owner's lock, so parallel uploads cannot all pass it.
      tx.inTransaction(() -> {
        ensureWithinQuota(() -> files.storedBytesLockingOwner(command.owner()), file.size());
        files.add(file);
        events.fileUploaded(file);
      });
      return file;
    } catch (RuntimeException e) {
      discard(key);
      throw e;
    }
  }

  private void ensureWithinQuota(LongSupplier storedBytes, long incomingBytes) {
    if (policy.quotaBytes().isEmpty()) {
      return;
    }
    long quota = policy.quotaBytes().getAsLong();
    if (storedBytes.getAsLong() + incomingBytes > quota) {
      throw new QuotaExceeded(quota);
    }
  }

  // The stream knows whether the client or the limit ended the write; storage clients may have
  // wrapped its exception beyond recognition.
  private static RuntimeException explain(MeasuringInputStream body, RuntimeException failure) {
    if (body.limitExceeded()) {
      return new FileTooLarge(body.maxBytes());
    }
    if (body.sourceFailure() != null) {
      return new UploadIncomplete("The upload body could not be read to its end.", body.sourceFailure());
    }
    return failure;
  }

  private void discard(StorageKey key) {
    try {
      blobs.delete(key);
    } catch (RuntimeException e) {
      // The orphan sweeper removes it later; the client's error is the one that matters.
      LOG.log(Level.WARNING, "could not remove blob of failed upload " + key.value(), e);
    }
  }
}
