package dev.satchel.adapters.storage.crypto;

import dev.satchel.domain.error.EncryptionKeyUnavailable;
import java.util.List;

/**
 * Re-wraps data keys onto the active key-encryption key, in batches, without touching any blob.
 * Callers make it cluster-safe (one runner at a time); a row changed meanwhile by a delete or by
 * another runner is simply skipped ({@link DataKeyStore#replace}).
 */
public final class DataKeyRotation {
  private final KeyRing keys;
  private final DataKeyStore dataKeys;

  public DataKeyRotation(KeyRing keys, DataKeyStore dataKeys) {
    this.keys = keys;
    this.dataKeys = dataKeys;
  }

  /** What one run did: keys re-wrapped, and keys left because their KEK is not configured. */
  public record Result(int rewrapped, int unavailable) {}

  /**
   * Re-wraps every data key not under the active key, {@code batchSize} rows per query.
   *
   * @return the counts; keys whose KEK is missing stay as they are and are counted as unavailable
   */
  public Result rewrapAll(int batchSize) {
    if (!keys.hasActive()) {
      return new Result(0, 0);
    }
    int rewrapped = 0;
    int unavailable = 0;
    String after = "";
    while (true) {
      List<WrappedDataKey> batch = dataKeys.wrappedByOtherThan(keys.activeId(), after, batchSize);
      if (batch.isEmpty()) {
        return new Result(rewrapped, unavailable);
      }
      for (WrappedDataKey key : batch) {
        try {
          if (rewrap(key)) {
            rewrapped++;
          }
        } catch (EncryptionKeyUnavailable e) {
          unavailable++; // stays under its old id until an operator brings that key back
        }
      }
      after = batch.get(batch.size() - 1).storageKey().value();
    }
  }

  private boolean rewrap(WrappedDataKey key) {
    byte[] associatedData = key.storageKey().value().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] wrapped = DataKeyWrapping.rewrap(
        keys.kek(key.keyId()).orElseThrow(EncryptionKeyUnavailable::new), keys.active(), key.wrapped(), associatedData);
    return dataKeys.replace(key.keyId(),
        new WrappedDataKey(key.storageKey(), keys.activeId(), wrapped, key.ciphertextLength()));
  }
}
