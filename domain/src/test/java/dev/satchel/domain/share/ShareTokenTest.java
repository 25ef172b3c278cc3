package dev.satchel.domain.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.satchel.domain.error.InvalidInput;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ShareTokenTest {
  private final SecureRandom random = new SecureRandom();

  @Test
  void randomTokenIs43Base64UrlCharacters() {
    ShareToken token = ShareToken.random(random);

    assertThat(token.value()).hasSize(43).matches("[A-Za-z0-9_-]{43}");
  }

  @Test
  void randomTokensAreDistinct() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      seen.add(ShareToken.random(random).value());
    }

    assertThat(seen).hasSize(1000);
  }

  @Test
  void hashIsTheHexSha256OfTheToken() throws Exception {
    ShareToken token = ShareToken.random(random);
    byte[] expected = MessageDigest.getInstance("SHA-256").digest(token.value().getBytes(StandardCharsets.UTF_8));

    assertThat(token.hash().hex()).isEqualTo(HexFormat.of().formatHex(expected)).matches("[0-9a-f]{64}");
  }

  @Test
  void hashIsStableForTheSameToken() {
    ShareToken token = ShareToken.random(random);

    assertThat(token.hash()).isEqualTo(token.hash()).isEqualTo(new ShareToken(token.value()).hash());
  }

  @Test
  void differentTokensHaveDifferentHashes() {
    assertThat(ShareToken.random(random).hash()).isNotEqualTo(ShareToken.random(random).hash());
  }

  @Test
  void toStringHidesTheToken() {
    ShareToken token = ShareToken.random(random);

    assertThat(token.toString()).doesNotContain(token.value()).isEqualTo("ShareToken[***]");
  }

  @ParameterizedTest
  @NullAndEmptySource
  void emptyTokenIsNotAToken(String value) {
    assertThatThrownBy(() -> new ShareToken(value)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void tokenLongerThan128CharactersIsNotAToken() {
    assertThat(new ShareToken("a".repeat(128)).value()).hasSize(128);
    assertThatThrownBy(() -> new ShareToken("a".repeat(129))).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "abc", "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855"})
  void tokenHashAcceptsOnlySixtyFourLowerCaseHexDigits(String hex) {
    assertThatThrownBy(() -> new ShareTokenHash(hex)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shareIdParsesUuidsAndRejectsTheRestAsInvalidInput() {
    UUID uuid = UUID.randomUUID();

    assertThat(ShareId.parse(uuid.toString()).value()).isEqualTo(uuid);
    assertThatThrownBy(() -> ShareId.parse("nope"))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("share_id"));
    assertThatThrownBy(() -> ShareId.parse(null)).isInstanceOf(InvalidInput.class);
  }
}
