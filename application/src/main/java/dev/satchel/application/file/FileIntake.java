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
import dev.satchel.domain.user.UserId;
import java.io.InputStream;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one way bytes become a file, shared by {@code POST /upload} and completed resumable uploads:
 * streams the content to the blob store under a fresh key while measuring it (size, SHA-256 of the
 * whole content, head for type detection), then records the file row, the only place a file row is
 * inserted, in one transaction with the binding quota check and its {@code file.uploaded} event. The blob is written first and removed
 * again if anything after it fails, so no row lacks bytes and no bytes outlive a failed upload.
 */
public final class FileIntake {
  private static final Logger LOG = Logger.getLogger(FileIntake.class.getName());

  private final BlobStorage blobs;
  private final FileMetadataRepository files;
  private final MediaTypeDetector detector;
  private final IdGenerator ids;
  private final Clock clock;
  private final TransactionBoundary tx;
  private final UploadPolicy policy;
  private final EventRecorder events;

  public FileIntake(BlobStorage blobs, FileMetadataRepository files, MediaTypeDetector detector, IdGenerator ids,
      Clock clock, TransactionBoundary tx, UploadPolicy policy, EventRecorder events) {
    this.blobs = blobs;
    this.files = files;
    this.detector = detector;
    this.ids = ids;
    this.clock = clock;
    this.tx = tx;
    this.policy = policy;
    this.events = events;
  }

  /**
   * Refuses an upload early, without a lock, when its announced size cannot fit: over the maximum
   * file size, or over the owner's quota counting {@code reservedBytes} more.
   *
   * @throws FileTooLarge over {@link UploadPolicy#maxFileBytes()}
   * @throws QuotaExceeded over the owner's quota
   */
  public void checkAnnounced(UserId owner, long length, long reservedBytes) {
    if (length > policy.maxFileBytes()) {
      throw new FileTooLarge(policy.maxFileBytes());
    }
    ensureWithinQuota(() -> files.storedBytes(owner) + reservedBytes, length);
  }

  /**
   * Stores {@code content} as a new file of {@code owner}.
   *
   * @param length the exact length when known, letting the store avoid buffering
   * @param alsoInTransaction runs with the new row in the transaction that inserts it, so a
   *     caller's own record of the outcome commits or fails together with the file
   * @throws FileTooLarge when the content grows past the maximum size
   * @throws UploadIncomplete when the content cannot be read to its end
   * @throws QuotaExceeded when the file would take the owner past the quota
   */
  public FileMetadata store(UserId owner, FileName filename, Optional<String> declaredType, InputStream content,
      OptionalLong length, Consumer<FileMetadata> alsoInTransaction) {
    StorageKey key = StorageKey.forBlob(ids.newId());
    MeasuringInputStream body = new MeasuringInputStream(content, policy.maxFileBytes(), detector.headLength());
    try {
      blobs.write(key, body, length);
    } catch (RuntimeException e) {
      discard(key);
      throw explain(body, e);
    }
    try {
      FileMetadata file = new FileMetadata(
          new FileId(ids.newId()),
          owner,
          filename,
          body.count(),
          detector.detect(body.head(), filename, declaredType),
          Sha256Checksum.of(body.sha256()),
          key,
          clock.instant(),
          blobs.encryptsNewBlobs());
      // The binding check: under the owner's lock, so parallel uploads cannot all pass it.
      tx.inTransaction(() -> {
        ensureWithinQuota(() -> files.storedBytesLockingOwner(owner), file.size());
        files.add(file);
        events.fileUploaded(file);
        alsoInTransaction.accept(file);
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
