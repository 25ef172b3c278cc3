package dev.satchel.bootstrap.encryption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.satchel.adapters.storage.crypto.PostgresDataKeyStore;
import dev.satchel.bootstrap.config.SatchelConfig;
import io.quarkus.runtime.configuration.ConfigurationException;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** What start-up does with the two encryption settings (the producer calls this at start). */
class EncryptionAtRestConfigTest {
  private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
  // Never connected to: building the setup must not touch the database.
  private static final PostgresDataKeyStore STORE = new PostgresDataKeyStore(null);

  private static SatchelConfig.Encryption config(String keys, String active) {
    return new SatchelConfig.Encryption() {
      @Override
      public Optional<String> keys() {
        return Optional.ofNullable(keys);
      }

      @Override
      public Optional<String> activeKey() {
        return Optional.ofNullable(active);
      }

      @Override
      public String rewrapInterval() {
        return "1h";
      }
    };
  }

  @Test
  void neitherSettingMeansOff() {
    assertThat(EncryptionAtRest.from(config(null, null), STORE).keys()).isEmpty();
  }

  @Test
  void bothSettingsMeanOn() {
    EncryptionAtRest on = EncryptionAtRest.from(config("a:" + KEY, "a"), STORE);

    assertThat(on.keys()).get().extracting(k -> k.activeId()).isEqualTo("a");
  }

  @ParameterizedTest
  @CsvSource(nullValues = "NULL", delimiter = '|', value = {
      "a:KEY      | NULL | SATCHEL_ENCRYPTION_ACTIVE_KEY is not set",
      "NULL       | a    | SATCHEL_ENCRYPTION_KEYS is empty",
      "a:KEY      | b    | SATCHEL_ENCRYPTION_ACTIVE_KEY names a key id that is not in",
      "a=KEY      | a    | entry 1 is not of the form",
  })
  void halfOrBadSettingsStopStartUpWithoutShowingKeys(String keys, String active, String message) {
    assertThatThrownBy(() -> EncryptionAtRest.from(config(keys == null ? null : keys.replace("KEY", KEY), active), STORE))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("Invalid encryption-at-rest configuration: ")
        .hasMessageContaining(message)
        .hasMessageNotContaining(KEY);
  }
}
