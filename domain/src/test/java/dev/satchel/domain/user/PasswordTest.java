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

  @Test
  void composedAndDecomposedFormsAreOnePassword() {
    String decomposed = "cafe\u0301-cre\u0300me";
    String composed = "caf\u00e9-cr\u00e8me";
    assertThat(new Password(decomposed).value()).isEqualTo(composed);
    assertThat(Password.comparable(decomposed)).isEqualTo(new Password(composed).value());
  }

  @ParameterizedTest
  @ValueSource(strings = {"password\uD800", "\uDC00password", "pass\uDBFFword"})
  void unpairedSurrogatesAreRefused(String value) {
    assertRejected(value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"pass\u0000word", "password\r\n", "pass\tword", "pass\u007Fword",
      "pass\u0085word", " password", "password ", "password\u3000"})
  void headerPasswordsRefuseWhatAHeaderCannotCarry(String value) {
    assertThatThrownBy(() -> Password.forHeader(value))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("password"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u043f\u0430\u0440\u043e\u043b\u044c-\u0441\u0435\u043a\u0440\u0435\u0442",
      "p\u00e4ssw\u00f6rd-\u20ac-1", "inner spaces are fine", "ends-in-\u00e0", "ends-in-\u00c5"})
  void headerPasswordsKeepPrintableUnicode(String value) {
    assertThat(Password.forHeader(value).value()).isEqualTo(value);
  }

  /** Whatever a client sends, a header password is refused cleanly or is one every client can send. */
  @net.jqwik.api.Property(tries = 1000)
  void headerPasswordsAreRefusedCleanlyOrSendable(@net.jqwik.api.ForAll String raw) {
    Password password;
    try {
      password = Password.forHeader(raw);
    } catch (InvalidInput refused) {
      assertThat(refused.field()).isEqualTo("password");
      return;
    }
    String value = password.value();
    assertThat(java.text.Normalizer.isNormalized(value, java.text.Normalizer.Form.NFC)).isTrue();
    assertThat(dev.satchel.domain.text.UnicodeText.isWellFormed(value)).isTrue();
    assertThat(dev.satchel.domain.text.UnicodeText.hasControlCharacter(value)).isFalse();
    assertThat(value.strip()).isEqualTo(value);
    assertThat(Password.comparable(raw)).isEqualTo(value);
  }
}
