package dev.satchel.application.job;

import dev.satchel.domain.file.FileMetadataRepository;
import dev.satchel.domain.storage.BlobStorage;
import dev.satchel.domain.storage.StorageKey;
import dev.satchel.domain.tx.TransactionBoundary;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes blobs without a live row, but only those older than a safety window: an upload in
 * flight writes its blob before its row, and must never lose it. Also removes the partial writes
 * of uploads cut by a crash, once untouched for longer than a live upload may pause.
 */
public final class SweepOrphanBlobsService implements SweepOrphanBlobsUseCase {
  private final BlobStorage blobs;
  private final FileMetadataRepository files;
  private final Clock clock;
  private final Duration safetyWindow;
  private final TransactionBoundary tx;
  private final Duration abandonedWriteAge;

  /**
   * @param abandonedWriteAge how long a partial write may go untouched before it counts as
   *     abandoned: longer than the upload read timeout plus the final sync of a file
   */
  public SweepOrphanBlobsService(BlobStorage blobs, FileMetadataRepository files, Clock clock, Duration safetyWindow,
      TransactionBoundary tx, Duration abandonedWriteAge) {
    this.blobs = blobs;
    this.files = files;
    this.clock = clock;
    this.safetyWindow = safetyWindow;
    this.tx = tx;
    this.abandonedWriteAge = abandonedWriteAge;
  }

  @Override
  public int sweep() {
    List<StorageKey> orphans = new ArrayList<>();
    blobs.forEachKeyOlderThan(clock.instant().minus(safetyWindow), key -> {
      if (!tx.inTransaction(() -> files.referencesBlob(key))) {
        orphans.add(key);
      }
    });
    orphans.forEach(blobs::delete);
    return orphans.size() + blobs.removeAbandonedWrites(clock.instant().minus(abandonedWriteAge));
  }
}
