package dev.satchel.domain.storage;

import java.io.InputStream;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Out-port: the store of file bytes. Writes are all-or-nothing: a failed write leaves no blob
 * under the key. Every failure to reach the store is reported as
 * {@link dev.satchel.domain.error.StorageUnavailable}, except a store out of room, which is
 * {@link dev.satchel.domain.error.StorageFull}.
 */
public interface BlobStorage {

  /**
   * Streams {@code content} to the key until it ends and returns the bytes written.
   *
   * @param knownLength the exact length when the caller knows it, letting the store avoid buffering
   */
  long write(StorageKey key, InputStream content, OptionalLong knownLength);

  /** Opens the whole blob, or just {@code range} of it, served by the store itself. */
  BlobContent read(StorageKey key, Optional<ByteRange> range);

  /**
   * Opens a blob whose metadata records whether it was stored encrypted. Stores that never encrypt
   * ignore the flag; an encrypting store reads a plain blob without looking up a data key, and
   * refuses an encrypted one whose data key is gone rather than serve its ciphertext.
   */
  default BlobContent read(StorageKey key, Optional<ByteRange> range, boolean storedEncrypted) {
    return read(key, range);
  }

  /**
   * Opens a blob when that waits on no other system, so a thread that must never block (an HTTP
   * event loop) may call it: a file on this machine's disk, stored as it is served. Empty when
   * this store cannot (a network store, an encrypted blob, whose data key may need unwrapping) or
   * when the blob is not there; {@link #read(StorageKey, Optional, boolean)} then opens it or
   * tells why it cannot.
   */
  default Optional<BlobContent> readWithoutWaiting(StorageKey key, Optional<ByteRange> range, boolean storedEncrypted) {
    return Optional.empty();
  }

  /** Removes a blob; removing a missing one is not an error. */
  void delete(StorageKey key);

  /** Calls {@code visitor} with every key whose blob was last written before {@code cutoff}. */
  void forEachKeyOlderThan(Instant cutoff, Consumer<StorageKey> visitor);

  /** A cheap probe for health reporting; never throws. */
  boolean isReachable();

  /**
   * Removes what writes cut short by a crash left behind (partial temp files) when untouched since
   * {@code untouchedSince}, and the directories that leaves empty. A live write keeps touching its
   * partial file, so the cutoff must lie further back than the longest pause a live write may take.
   *
   * @return how many leftovers were removed; 0 for stores that keep no partial state
   */
  default int removeAbandonedWrites(Instant untouchedSince) {
    return 0;
  }

  /** Whether blobs written now are kept encrypted at rest (reads return plaintext either way). */
  default boolean encryptsNewBlobs() {
    return false;
  }

  /** Bytes still free where new blobs go, in bytes, when the store can tell; never throws. */
  default OptionalLong freeBytes() {
    return OptionalLong.empty();
  }
}
