package dev.satchel.adapters.storage.crypto;

import dev.satchel.domain.storage.StorageKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the wrapped data keys of encrypted blobs live, one per storage key, next to the file rows
 * (PostgreSQL), so that rotating a key rewrites a row, never a blob. A blob without an entry was
 * stored before encryption was turned on and is read as it is. Failures to reach the store are
 * reported as {@link dev.satchel.domain.error.StorageUnavailable}.
 */
public interface DataKeyStore {

  /** Records the data key of a blob just written; replaces an earlier entry for the key. */
  void save(WrappedDataKey key);

  Optional<WrappedDataKey> find(StorageKey key);

  /** Forgets the data key of a deleted blob; forgetting a missing one is not an error. */
  void delete(StorageKey key);

  /**
   * Up to {@code limit} entries wrapped by another key than {@code keyId} whose storage key sorts
   * after {@code after} (empty string: from the start), in storage-key order, for rotation.
   */
  List<WrappedDataKey> wrappedByOtherThan(String keyId, String after, int limit);

  /**
   * Replaces the wrapping of {@code rewrapped.storageKey()} if it is still wrapped by
   * {@code expectedKeyId} (a concurrent rotation or delete wins).
   *
   * @return whether the entry was replaced
   */
  boolean replace(String expectedKeyId, WrappedDataKey rewrapped);

  /** Whether any blob was ever stored encrypted (and not deleted since). */
  boolean any();

  /** How many stored files each key-encryption key id protects. */
  Map<String, Long> countByKeyId();
}
