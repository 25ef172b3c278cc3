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
 * flight writes its blob before its row, and must never lose it.
 */
public final class SweepOrphanBlobsService implements SweepOrphanBlobsUseCase {
  private final BlobStorage blobs;
  private final FileMetadataRepository files;
  private final Clock clock;
  private final Duration safetyWindow;
  private final TransactionBoundary tx;

  public SweepOrphanBlobsService(
      BlobStorage blobs, FileMetadataRepository files, Clock clock, Duration safetyWindow, TransactionBoundary tx) {
    this.blobs = blobs;
    this.files = files;
    this.clock = clock;
    this.safetyWindow = safetyWindow;
    this.tx = tx;
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
    return orphans.size();
  }
}
