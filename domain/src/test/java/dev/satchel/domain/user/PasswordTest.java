package dev.satchel.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.satchel.domain.error.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordTest {
  private static final String EMOJI = "\uD83D\uDE00"; // one code point, two chars

  @Test
  void acceptsEightCharacters() {
    assertThat(new Password("12345678").value()).isEqualTo("12345678");
  }

  @Test
  void rejectsSevenCharacters() {
    assertRejected("1234567");
  }

  @Test
  void acceptsExactly1024CharactersAndRejects1025() {
    assertThat(new Password("x".repeat(1024)).value()).hasSize(1024);
    assertRejected("x".repeat(1025));
  }

  @Test
  void emojiCountAsOneCharacterEach() {
    assertThat(EMOJI.repeat(7)).hasSize(14); // long enough in chars, too short in code points
    assertRejected(EMOJI.repeat(7));
    assertThat(new Password(EMOJI.repeat(8)).value()).isEqualTo(EMOJI.repeat(8));
  }

  @Test
  void upperBoundCountsCodePointsToo() {
    assertThat(new Password(EMOJI.repeat(1024)).value()).hasSize(2048);
    assertRejected(EMOJI.repeat(1025));
  }

  @Test
  void spacesAreKeptAndNeverTrimmed() {
    assertThat(new Password("  pass phrase  ").value()).isEqualTo("  pass phrase  ");
  }

  @ParameterizedTest
  @NullAndEmptySource
  void missingPasswordIsRequired(String value) {
    assertThatThrownBy(() -> new Password(value))
        .isInstanceOfSatisfying(InvalidInput.class, e -> {
          assertThat(e.field()).isEqualTo("password");
          assertThat(e.getMessage()).contains("required");
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"correct horse battery staple", "hunter22"})
  void toStringNeverShowsThePassword(String secret) {
    Password password = new Password(secret);

    assertThat(password.toString()).doesNotContain(secret).isEqualTo("Password[***]");
  }

  @Test
  void passwordHashToStringHidesTheHash() {
    assertThat(new PasswordHash("$argon2id$v=19$m=1,t=1,p=1$c2FsdA$aGFzaA").toString())
        .doesNotContain("argon2").isEqualTo("PasswordHash[***]");
  }

  private static void assertRejected(String value) {
    assertThatThrownBy(() -> new Password(value))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("password"));
  }
}
