package dev.satchel.application.file;

import dev.satchel.application.event.EventRecorder;
import dev.satchel.domain.cache.MetadataCache;
import dev.satchel.domain.error.FileNotFound;
import dev.satchel.domain.file.FileId;
import dev.satchel.domain.file.FileMetadata;
import dev.satchel.domain.file.FileMetadataRepository;
import dev.satchel.domain.share.ShareLink;
import dev.satchel.domain.share.ShareLinkRepository;
import dev.satchel.domain.storage.BlobStorage;
import dev.satchel.domain.tx.TransactionBoundary;
import dev.satchel.domain.user.UserId;
import java.time.Clock;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tombstones the file and records its {@code file.deleted} event in one transaction (so every endpoint and every link sees it gone at once),
 * then drops cached copies and removes the blob. A blob that survives a crash here has no live
 * row and is collected by the orphan sweeper.
 */
public final class DeleteFileService implements DeleteFileUseCase {
  private static final Logger LOG = Logger.getLogger(DeleteFileService.class.getName());

  private final FileMetadataRepository files;
  private final ShareLinkRepository shares;
  private final BlobStorage blobs;
  private final MetadataCache cache;
  private final Clock clock;
  private final TransactionBoundary tx;
  private final EventRecorder events;

  public DeleteFileService(
      FileMetadataRepository files,
      ShareLinkRepository shares,
      BlobStorage blobs,
      MetadataCache cache,
      Clock clock,
      TransactionBoundary tx,
      EventRecorder events) {
    this.files = files;
    this.shares = shares;
    this.blobs = blobs;
    this.cache = cache;
    this.clock = clock;
    this.tx = tx;
    this.events = events;
  }

  @Override
  public void delete(UserId caller, FileId id) {
    record Deleted(FileMetadata file, List<ShareLink> links) {}
    Deleted deleted = tx.inTransaction(() -> {
      FileMetadata file = files.findLive(id).filter(f -> f.isOwnedBy(caller)).orElseThrow(FileNotFound::new);
      if (!files.markDeleted(id, caller, clock.instant())) {
        throw new FileNotFound();
      }
      events.fileDeleted(file);
      return new Deleted(file, shares.listForFile(id, caller));
    });
    cache.evictFile(id);
    deleted.links().forEach(link -> cache.evictShare(link.tokenHash()));
    try {
      blobs.delete(deleted.file().storageKey());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "blob of deleted file " + id + " left for the orphan sweeper", e);
    }
  }
}
