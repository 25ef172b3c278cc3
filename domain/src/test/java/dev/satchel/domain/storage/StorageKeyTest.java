package dev.satchel.domain.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class StorageKeyTest {

  @Test
  void blobKeyIsShardedByTheLastTwoBytesOfItsUuid() {
    UUID id = UUID.fromString("0190a5c3-7e1f-7abc-9def-0123456789ab");

    assertThat(StorageKey.forBlob(id).value()).isEqualTo("ab/89/0190a5c3-7e1f-7abc-9def-0123456789ab");
  }

  @Test
  void everyGeneratedKeyIsValid() {
    for (int i = 0; i < 100; i++) {
      StorageKey key = StorageKey.forBlob(UUID.randomUUID());

      assertThat(StorageKey.isValid(key.value())).isTrue();
      assertThat(key.value()).matches("[0-9a-f]{2}/[0-9a-f]{2}/[0-9a-f-]{36}");
    }
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {
      "../../etc/passwd",
      "ab/89",
      "ab/89/",
      "AB/89/0190a5c3-7e1f-7abc-9def-0123456789ab",
      "/ab/89/0190a5c3-7e1f-7abc-9def-0123456789ab",
      "ab/89/0190a5c3-7e1f-7abc-9def-0123456789ab/x",
      "ab/89/../../../../../../etc/passwd/aaaaaaa",
      "ab\\89\\0190a5c3-7e1f-7abc-9def-0123456789ab"})
  void keysOfAnyOtherShapeAreInvalid(String value) {
    assertThat(StorageKey.isValid(value)).isFalse();
    assertThatThrownBy(() -> new StorageKey(value)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void byteRangeLengthIsInclusive() {
    assertThat(new ByteRange(0, 0).length()).isEqualTo(1);
    assertThat(new ByteRange(10, 19).length()).isEqualTo(10);
  }

  @Test
  void byteRangeRejectsNegativeAndBackwardRanges() {
    assertThatThrownBy(() -> new ByteRange(-1, 5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ByteRange(5, 4)).isInstanceOf(IllegalArgumentException.class);
  }
}
