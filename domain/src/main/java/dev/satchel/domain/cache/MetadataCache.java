package dev.satchel.domain.cache;

import dev.satchel.domain.file.FileId;
import dev.satchel.domain.file.FileMetadata;
import dev.satchel.domain.share.ShareLink;
import dev.satchel.domain.share.ShareTokenHash;
import java.util.Optional;

/**
 * Out-port: a best-effort cache of hot metadata reads. It may forget anything at any time and
 * must never fail a request: adapters swallow and count their own errors. The {@code *InMemory}
 * reads serve the paths that answer on an event loop; the others may wait on a network.
 */
public interface MetadataCache {

  Optional<FileMetadata> file(FileId id);

  void putFile(FileMetadata file);

  void evictFile(FileId id);

  Optional<ShareLink> share(ShareTokenHash tokenHash);

  void putShare(ShareLink link);

  void evictShare(ShareTokenHash tokenHash);

  /**
   * The file as this process already holds it in memory, found without waiting on any other
   * system, so a thread that must never block (an HTTP event loop) may ask. Empty when this
   * process holds no such entry, or when the cache keeps nothing in process memory (Redis, none).
   * Counts as neither hit nor miss: a caller that gets nothing asks {@link #file} next.
   */
  default Optional<FileMetadata> fileInMemory(FileId id) {
    return Optional.empty();
  }

  /** As {@link #fileInMemory}, for a share link. */
  default Optional<ShareLink> shareInMemory(ShareTokenHash tokenHash) {
    return Optional.empty();
  }
}
