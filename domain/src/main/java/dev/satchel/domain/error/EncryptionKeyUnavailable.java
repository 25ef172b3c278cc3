package dev.satchel.domain.error;

/**
 * A blob is encrypted under a key-encryption key that is no longer configured (or no longer opens
 * its data key), so it cannot be read until an operator restores that key. Neither the message nor
 * anything reachable from this error names or describes the key.
 */
public final class EncryptionKeyUnavailable extends SatchelError {
  public EncryptionKeyUnavailable() {
    super("The file cannot be decrypted: its encryption key is not available.");
  }

  @Override
  public String code() {
    return "encryption-key-unavailable";
  }
}
