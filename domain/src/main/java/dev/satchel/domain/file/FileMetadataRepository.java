package dev.satchel.domain.file;

import dev.satchel.domain.storage.StorageKey;
import dev.satchel.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Out-port: where file metadata is kept. Deleted files stay as tombstones until purged. */
public interface FileMetadataRepository {

  void add(FileMetadata file);

  /** A live (not deleted) file by id, whoever owns it. */
  Optional<FileMetadata> findLive(FileId id);

  /**
   * A live file by id, locked until the calling transaction ends so that it cannot be deleted
   * meanwhile: what is created for it in the same transaction never points at a deleted file.
   */
  Optional<FileMetadata> findLiveLocked(FileId id);

  /** Whether a file with this id ever existed and was deleted (its links answer 410). */
  boolean isDeleted(FileId id);

  /** Marks the caller's file deleted; false when it was not live or not theirs. */
  boolean markDeleted(FileId id, UserId owner, Instant deletedAt);

  /**
   * Fetches {@code query.limit() + 1} rows after the cursor in the query's order, so the caller
   * can tell whether a next page exists.
   */
  List<FileMetadata> find(FileQuery query);

  /** Total bytes of the owner's live files. */
  long storedBytes(UserId owner);

  /** Whether a live file still needs the blob under this key (a deleted file's blob is garbage). */
  boolean referencesBlob(StorageKey key);

  /** Deletes tombstones of files deleted before {@code cutoff} that no share link points to. */
  int purgeTombstonesBefore(Instant cutoff);
}
