package dev.satchel.application.file;

import dev.satchel.domain.cache.MetadataCache;
import dev.satchel.domain.error.FileNotFound;
import dev.satchel.domain.file.FileId;
import dev.satchel.domain.file.FileMetadata;
import dev.satchel.domain.file.FileMetadataRepository;
import dev.satchel.domain.tx.TransactionBoundary;
import dev.satchel.domain.user.UserId;
import java.util.Optional;

/** Read-through lookup of live file metadata: the cache first, then the repository. */
public final class LiveFileLookup {
  private final FileMetadataRepository files;
  private final MetadataCache cache;
  private final TransactionBoundary tx;

  public LiveFileLookup(FileMetadataRepository files, MetadataCache cache, TransactionBoundary tx) {
    this.files = files;
    this.cache = cache;
    this.tx = tx;
  }

  /**
   * The caller's live file.
   *
   * @throws FileNotFound when it is missing, deleted or someone else's (indistinguishably)
   */
  public FileMetadata findOwned(FileId id, UserId caller) {
    return find(id).filter(file -> file.isOwnedBy(caller)).orElseThrow(FileNotFound::new);
  }

  /** The live file as this process holds it in memory; never waits, never reads through. */
  public Optional<FileMetadata> findInMemory(FileId id) {
    return cache.fileInMemory(id);
  }

  public Optional<FileMetadata> find(FileId id) {
    Optional<FileMetadata> cached = cache.file(id);
    if (cached.isPresent()) {
      return cached;
    }
    Optional<FileMetadata> stored = tx.inTransaction(() -> files.findLive(id));
    stored.ifPresent(cache::putFile);
    return stored;
  }
}
