package dev.satchel.adapters.storage.crypto;

import dev.satchel.domain.storage.StorageKey;
import java.util.Objects;

/**
 * The data key of one encrypted blob, wrapped (AES-256-GCM, associated data = the storage key) by
 * the key-encryption key {@code keyId}, and the blob's stored (ciphertext) length in bytes, which
 * seekable decryption needs before reading.
 */
public record WrappedDataKey(StorageKey storageKey, String keyId, byte[] wrapped, long ciphertextLength) {
  public WrappedDataKey {
    Objects.requireNonNull(storageKey, "storageKey");
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(wrapped, "wrapped");
  }
}
