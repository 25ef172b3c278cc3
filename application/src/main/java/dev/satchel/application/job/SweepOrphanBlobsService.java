package dev.satchel.application.job;

import dev.satchel.domain.file.FileMetadataRepository;
import dev.satchel.domain.storage.BlobStorage;
import dev.satchel.domain.storage.StorageKey;
import dev.satchel.domain.tx.TransactionBoundary;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Removes blobs without a live row, but only those older than a safety window: an upload in
 * flight writes its blob before its row, and must never lose it. Stored keys are checked against
 * the metadata in batches of {@link #BATCH_SIZE}, one query each, not one query per blob. Also
 * removes the partial writes of uploads cut by a crash, once untouched for longer than a live
 * upload may pause.
 */
public final class SweepOrphanBlobsService implements SweepOrphanBlobsUseCase {
  /** Keys checked per metadata query. */
  public static final int BATCH_SIZE = 500;

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
    List<StorageKey> batch = new ArrayList<>(BATCH_SIZE);
    blobs.forEachKeyOlderThan(clock.instant().minus(safetyWindow), key -> {
      batch.add(key);
      if (batch.size() == BATCH_SIZE) {
        collectOrphans(batch, orphans);
      }
    });
    collectOrphans(batch, orphans);
    // Deleted after the listing, so no store has to list a directory or bucket while it changes.
    orphans.forEach(blobs::delete);
    return orphans.size() + blobs.removeAbandonedWrites(clock.instant().minus(abandonedWriteAge));
  }

  private void collectOrphans(List<StorageKey> batch, List<StorageKey> orphans) {
    if (batch.isEmpty()) {
      return;
    }
    Set<StorageKey> referenced = tx.inTransaction(() -> files.referencedBlobs(batch));
    batch.stream().filter(key -> !referenced.contains(key)).forEach(orphans::add);
    batch.clear();
  }
}
