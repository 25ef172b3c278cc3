package dev.satchel.bootstrap.encryption;

import dev.satchel.adapters.storage.crypto.DataKeyStore;
import dev.satchel.adapters.storage.crypto.KeyRing;
import dev.satchel.bootstrap.config.SatchelConfig;
import io.quarkus.runtime.configuration.ConfigurationException;
import java.util.Optional;

/**
 * The encryption-at-rest setup: the configured keys when encryption is on, and the store of
 * wrapped data keys (always there, so blobs encrypted earlier stay countable and readable errors
 * stay precise when encryption is later turned off).
 */
public record EncryptionAtRest(Optional<KeyRing> keys, DataKeyStore dataKeys) {

  /**
   * Reads the configuration.
   *
   * @throws ConfigurationException naming the offending setting, never key material, when only
   *     one of the two settings is present, the key list is malformed or the active id is unknown
   */
  public static EncryptionAtRest from(SatchelConfig.Encryption config, DataKeyStore dataKeys) {
    if (config.keys().isEmpty() && config.activeKey().isEmpty()) {
      return new EncryptionAtRest(Optional.empty(), dataKeys);
    }
    try {
      return new EncryptionAtRest(
          Optional.of(KeyRing.parse(config.keys().orElse(""), config.activeKey().orElse(null))), dataKeys);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException("Invalid encryption-at-rest configuration: " + e.getMessage());
    }
  }
}
