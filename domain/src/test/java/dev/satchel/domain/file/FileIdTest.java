package dev.satchel.domain.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.satchel.domain.error.InvalidInput;
import java.security.MessageDigest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class FileIdTest {

  @Test
  void parsesAUuidAndPrintsItBack() {
    UUID uuid = UUID.randomUUID();

    assertThat(FileId.parse(uuid.toString()).value()).isEqualTo(uuid);
    assertThat(new FileId(uuid).toString()).isEqualTo(uuid.toString());
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"42", "not-a-uuid", "../etc/passwd"})
  void malformedIdIsInvalidInputNotAMissingFile(String raw) {
    assertThatThrownBy(() -> FileId.parse(raw))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("file_id"));
  }

  @Test
  void checksumOfADigestIsLowerCaseHex() throws Exception {
    byte[] digest = MessageDigest.getInstance("SHA-256").digest("abc".getBytes());

    assertThat(Sha256Checksum.of(digest).hex())
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "abc", "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD"})
  void checksumRejectsAnythingButSixtyFourLowerCaseHexDigits(String hex) {
    assertThatThrownBy(() -> new Sha256Checksum(hex)).isInstanceOf(IllegalArgumentException.class);
  }
}
