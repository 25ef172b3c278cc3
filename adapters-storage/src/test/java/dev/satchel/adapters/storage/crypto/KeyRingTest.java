package dev.satchel.adapters.storage.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class KeyRingTest {
  private static final String K1 = EncryptingBlobStorageContractTest.key(1);
  private static final String K2 = EncryptingBlobStorageContractTest.key(2);
  private static final String SHORT = Base64.getEncoder().encodeToString(new byte[16]);
  private static final String LONG = Base64.getEncoder().encodeToString(new byte[48]);

  @Test
  void parsesSeveralKeysAndTheActiveOne() {
    KeyRing ring = KeyRing.parse(" a:" + K1 + " , b.2:" + K2, "b.2");

    assertThat(ring.ids()).containsExactly("a", "b.2");
    assertThat(ring.activeId()).isEqualTo("b.2");
    assertThat(ring.kek("a")).isPresent();
    assertThat(ring.kek("c")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "''                 | a | SATCHEL_ENCRYPTION_KEYS is empty",
      "a                  | a | entry 1 is not of the form",
      "a:K1,b             | a | entry 2 is not of the form",
      ":K1                | a | entry 1 has an id that is not",
      "a b:K1             | a | entry 1 has an id that is not",
      "a:K1,a:K2          | a | key id a is listed twice",
      "a:K1,              | a | entry 2 is not of the form",
      "a:not base64!      | a | entry 1 (key id a) is not valid base64",
      "a:SHORT            | a | entry 1 (key id a) is not 32 bytes",
      "a:LONG             | a | entry 1 (key id a) is not 32 bytes",
      "a:K1               | b | SATCHEL_ENCRYPTION_ACTIVE_KEY names a key id that is not in",
      "a:K1               | '' | SATCHEL_ENCRYPTION_ACTIVE_KEY is not set",
  })
  void refusesMalformedConfigurationWithoutShowingKeys(String keys, String active, String message) {
    String list = keys.replace("K1", K1).replace("K2", K2).replace("SHORT", SHORT).replace("LONG", LONG);

    assertThatThrownBy(() -> KeyRing.parse(list, active))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message)
        .hasMessageNotContaining(K1)
        .hasMessageNotContaining(K2)
        .hasMessageNotContaining(SHORT)
        .hasMessageNotContaining(LONG)
        .hasNoCause();
  }
}
