package dev.satchel.domain.file;

import dev.satchel.domain.storage.StorageKey;
import dev.satchel.domain.user.UserId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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

  /**
   * Total bytes of the owner's live files, read under the owner's quota lock, which the
   * surrounding transaction holds until it ends: a second caller for the same owner waits, then
   * sees the first one's insert. So "sum, compare with the quota, insert" is atomic per owner.
   */
  long storedBytesLockingOwner(UserId owner);

  /**
   * The keys among {@code keys} that a live file still needs (a deleted file's blob is garbage).
   * One round trip per call, so callers check many keys at once; a few hundred per call keep the
   * statement small.
   */
  Set<StorageKey> referencedBlobs(Collection<StorageKey> keys);

  /** Deletes tombstones of files deleted before {@code cutoff} that no share link points to. */
  int purgeTombstonesBefore(Instant cutoff);
}
