package dev.satchel.application.file;

import dev.satchel.domain.cache.MetadataCache;
import dev.satchel.domain.error.FileNotFound;
import dev.satchel.domain.error.StorageUnavailable;
import dev.satchel.domain.file.FileMetadata;
import dev.satchel.domain.file.FileMetadataRepository;
import dev.satchel.domain.storage.BlobContent;
import dev.satchel.domain.storage.BlobStorage;
import dev.satchel.domain.storage.ByteRange;
import dev.satchel.domain.tx.TransactionBoundary;
import java.util.Optional;

/**
 * Opens a file's blob, or a range of it, straight from the blob store. Metadata may come from a
 * cache: when its blob is gone, the database decides whether the file was deleted meanwhile (then
 * the stale entry is dropped and the file is not found) or the store lost it (unavailable).
 */
public final class ReadFileContentService implements ReadFileContentUseCase {
  private final BlobStorage blobs;
  private final FileMetadataRepository files;
  private final MetadataCache cache;
  private final TransactionBoundary tx;

  public ReadFileContentService(
      BlobStorage blobs, FileMetadataRepository files, MetadataCache cache, TransactionBoundary tx) {
    this.blobs = blobs;
    this.files = files;
    this.cache = cache;
    this.tx = tx;
  }

  @Override
  public Optional<BlobContent> readWithoutWaiting(FileMetadata file, Optional<ByteRange> range) {
    checkWithin(file, range);
    return blobs.readWithoutWaiting(file.storageKey(), range, file.encrypted())
        .map(content -> lengthChecked(file, range, content));
  }

  /**
   * @throws FileNotFound when the blob is missing because the file was deleted
   * @throws StorageUnavailable when the store fails, or lost the blob of a live file
   */
  @Override
  public BlobContent read(FileMetadata file, Optional<ByteRange> range) {
    checkWithin(file, range);
    try {
      return lengthChecked(file, range, blobs.read(file.storageKey(), range, file.encrypted()));
    } catch (StorageUnavailable e) {
      if (e.blobMissing() && tx.inTransaction(() -> files.findLive(file.id())).isEmpty()) {
        cache.evictFile(file.id());
        throw new FileNotFound();
      }
      throw e;
    }
  }

  /**
   * A blob whose length differs from what its row records (cut short or replaced behind the
   * store's back) cannot keep the Content-Length, Content-Range and ETag the answer is about to
   * promise, so it is refused as a store failure rather than served.
   */
  private static BlobContent lengthChecked(FileMetadata file, Optional<ByteRange> range, BlobContent content) {
    long expected = range.map(ByteRange::length).orElse(file.size());
    if (content.length() == expected) {
      return content;
    }
    try {
      content.close();
    } catch (java.io.IOException ignored) {
      // nothing was read from it
    }
    throw new StorageUnavailable("The stored bytes of this file do not match its recorded size.",
        new IllegalStateException("blob " + file.storageKey().value() + " holds " + content.length()
            + " bytes where " + expected + " were expected"));
  }

  private static void checkWithin(FileMetadata file, Optional<ByteRange> range) {
    range.ifPresent(r -> {
      if (r.last() >= file.size()) {
        throw new IllegalArgumentException("range beyond the end of the file");
      }
    });
  }
}
