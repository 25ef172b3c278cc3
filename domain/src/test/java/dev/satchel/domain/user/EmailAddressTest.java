package dev.satchel.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.satchel.domain.error.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

  @Test
  void surroundingWhitespaceIsTrimmed() {
    assertThat(new EmailAddress("  alice@example.com \t\n").value()).isEqualTo("alice@example.com");
  }

  @Test
  void valueKeepsTheTypedCaseWhileNormalizedFoldsIt() {
    EmailAddress email = new EmailAddress("Alice.Smith@Example.COM");

    assertThat(email.value()).isEqualTo("Alice.Smith@Example.COM");
    assertThat(email.normalized()).isEqualTo("alice.smith@example.com");
  }

  @Test
  void addressesDifferingOnlyInCaseShareANormalizedForm() {
    assertThat(new EmailAddress("BOB@example.org").normalized())
        .isEqualTo(new EmailAddress("bob@EXAMPLE.org").normalized());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "alice+newsletter@example.com",
      "first.last@mail.eu.example.co.uk",
      "o'brien@example.ie",
      "jörg@müller.de",
      "用户@例子.广告",
      "χρήστης@παράδειγμα.ελ",
      "x@a.io"})
  void acceptsPlusAddressingSubdomainsAndUnicode(String address) {
    assertThat(new EmailAddress(address).value()).isEqualTo(address);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "alice.example.com",
      "alice@",
      "@example.com",
      "alice@@example.com",
      "alice@bob@example.com",
      "al ice@example.com",
      "alice@exa mple.com",
      "alice\t@example.com",
      "alice@example",
      "alice@.example.com",
      "alice@example..com",
      "alice@example.com.",
      "ali\u0000ce@example.com",
      "ali\u007fce@example.com",
      "alice\r\n@example.com"})
  void rejectsMalformedAddresses(String address) {
    assertThatThrownBy(() -> new EmailAddress(address))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("email"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "alice\u00a0smith@example.com", // no-break space
      "alice\u3000smith@example.com", // ideographic space
      "alice\u2028smith@example.com", // line separator
      "alice\u0085smith@example.com", // next line (a C1 control)
      "alice@exam\u00a0ple.com"})
  void rejectsUnicodeSpacesAndLineBreaks(String address) {
    assertThatThrownBy(() -> new EmailAddress(address))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("email"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "ali\u200bce@example.com", // zero-width space
      "ali\u200cce@example.com", // zero-width non-joiner
      "ali\u200dce@example.com", // zero-width joiner
      "ali\u00adce@example.com", // soft hyphen
      "\ufeffalice@example.com", // byte order mark
      "alice@exam\u2060ple.com", // word joiner
      "alice@example.c\u202eom", // right-to-left override
      "alice@\u061cexample.com", // Arabic letter mark
      "c\u3164d@example.com", // Hangul filler
      "c\u034fd@example.com", // combining grapheme joiner
      "c\u115fd@example.com", "c\u1160d@example.com", "c\uffa0d@example.com", // Hangul fillers
      "c\ufe00d@example.com", "c\ufe0fd@example.com", // variation selectors
      "c\udb40\udd00d@example.com", // variation selector 17 (U+E0100)
      "c\u180bd@example.com", // Mongolian free variation selector
      "c\u17b4d@example.com"}) // Khmer inherent vowel
  void rejectsInvisibleFormatCharactersThatWouldMakeLookAlikeAccounts(String address) {
    assertThatThrownBy(() -> new EmailAddress(address))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("email"));
  }

  @Test
  void composedAndDecomposedSpellingsAreOneAddress() {
    EmailAddress composed = new EmailAddress("j\u00f6rg@m\u00fcller.de");
    EmailAddress decomposed = new EmailAddress("jo\u0308rg@mu\u0308ller.de");

    assertThat(decomposed.value()).isEqualTo(composed.value());
    assertThat(decomposed.normalized()).isEqualTo(composed.normalized());
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "\t\n"})
  void missingAddressIsRequired(String address) {
    assertThatThrownBy(() -> new EmailAddress(address))
        .isInstanceOfSatisfying(InvalidInput.class, e -> {
          assertThat(e.field()).isEqualTo("email");
          assertThat(e.getMessage()).contains("required");
        });
  }

  @Test
  void acceptsAddressOfExactly254Characters() {
    String address = "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(61);
    assertThat(address).hasSize(254);

    assertThat(new EmailAddress(address).value()).isEqualTo(address);
  }

  @Test
  void rejectsAddressLongerThan254Characters() {
    String address = "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(62);
    assertThat(address).hasSize(255);

    assertThatThrownBy(() -> new EmailAddress(address)).isInstanceOf(InvalidInput.class);
  }

  @Test
  void rejectsLocalPartLongerThan64Characters() {
    assertThatThrownBy(() -> new EmailAddress("a".repeat(65) + "@example.com")).isInstanceOf(InvalidInput.class);
    assertThat(new EmailAddress("a".repeat(64) + "@example.com").value()).startsWith("a".repeat(64));
  }
}
