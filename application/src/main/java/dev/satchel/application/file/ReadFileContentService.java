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
    return blobs.readWithoutWaiting(file.storageKey(), range, file.encrypted());
  }

  /**
   * @throws FileNotFound when the blob is missing because the file was deleted
   * @throws StorageUnavailable when the store fails, or lost the blob of a live file
   */
  @Override
  public BlobContent read(FileMetadata file, Optional<ByteRange> range) {
    checkWithin(file, range);
    try {
      return blobs.read(file.storageKey(), range, file.encrypted());
    } catch (StorageUnavailable e) {
      if (e.blobMissing() && tx.inTransaction(() -> files.findLive(file.id())).isEmpty()) {
        cache.evictFile(file.id());
        throw new FileNotFound();
      }
      throw e;
    }
  }

  private static void checkWithin(FileMetadata file, Optional<ByteRange> range) {
    range.ifPresent(r -> {
      if (r.last() >= file.size()) {
        throw new IllegalArgumentException("range beyond the end of the file");
      }
    });
  }
}
