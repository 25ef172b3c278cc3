package dev.satchel.adapters.storage.crypto;

import com.google.crypto.tink.Aead;
import dev.satchel.domain.error.EncryptionKeyUnavailable;
import java.security.GeneralSecurityException;

/** Wraps and unwraps data keys with a key-encryption key (AES-256-GCM, random 96-bit nonce). */
final class DataKeyWrapping {
  private DataKeyWrapping() {}

  static byte[] wrap(Aead kek, byte[] dataKey, byte[] associatedData) {
    try {
      return kek.encrypt(dataKey, associatedData);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot wrap a data key", e);
    }
  }

  /**
   * Opens a wrapped data key.
   *
   * @throws EncryptionKeyUnavailable when {@code kek} is not the key that wrapped it (or the
   *     wrapping was altered); the cause is dropped so nothing about the key reaches a log
   */
  static byte[] unwrap(Aead kek, byte[] wrapped, byte[] associatedData) {
    try {
      return kek.decrypt(wrapped, associatedData);
    } catch (GeneralSecurityException e) {
      throw new EncryptionKeyUnavailable();
    }
  }

  /** Re-wraps a data key from one key-encryption key onto another, for rotation. */
  static byte[] rewrap(Aead from, Aead to, byte[] wrapped, byte[] associatedData) {
    return wrap(to, unwrap(from, wrapped, associatedData), associatedData);
  }
}
