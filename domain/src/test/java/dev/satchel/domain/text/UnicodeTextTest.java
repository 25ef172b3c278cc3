package dev.satchel.domain.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.satchel.domain.error.InvalidInput;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnicodeTextTest {

  /** The definition: well-formed exactly when a strict UTF-8 encoder accepts the text. */
  @Property(tries = 2000)
  void wellFormedIffStrictUtf8CanEncodeIt(@ForAll("anyChars") String text) {
    assertThat(UnicodeText.isWellFormed(text)).isEqualTo(strictlyEncodable(text));
  }

  @Property(tries = 500)
  void controlCharactersAreFoundAnywhere(@ForAll("anyChars") String before, @ForAll("controls") char control,
      @ForAll("anyChars") String after) {
    String text = before + control + after;
    assertThat(UnicodeText.hasControlCharacter(text)).isTrue();
    assertThatThrownBy(() -> UnicodeText.requirePrintable("name", text))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("name"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"report.pdf", "пароль-секрет", "pässwörd-€-1", "\uD83D\uDE00 emoji", "", "tab-free text"})
  void printableTextPasses(String text) {
    UnicodeText.requirePrintable("name", text);
    assertThat(UnicodeText.isWellFormed(text)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"\uD800", "a\uDC00", "\uDBFFx", "\uDE00\uD83D"})
  void unpairedSurrogatesFail(String text) {
    assertThatThrownBy(() -> UnicodeText.requireWellFormed("email", text))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("email"));
  }

  @Provide
  Arbitrary<String> anyChars() {
    // Weighted towards surrogates and controls: uniform chars would hardly ever hit them.
    Arbitrary<Character> chars = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, Arbitraries.chars()),
        net.jqwik.api.Tuple.of(2, Arbitraries.chars().range('\uD800', '\uDFFF')),
        net.jqwik.api.Tuple.of(1, controls()));
    return chars.list().ofMaxSize(12).map(list -> {
      StringBuilder text = new StringBuilder();
      list.forEach(text::append);
      return text.toString();
    });
  }

  @Provide
  Arbitrary<Character> controls() {
    return Arbitraries.oneOf(Arbitraries.chars().range('\u0000', '\u001F'),
        Arbitraries.chars().range('\u007F', '\u009F'));
  }

  private static boolean strictlyEncodable(String text) {
    try {
      StandardCharsets.UTF_8.newEncoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .encode(CharBuffer.wrap(text));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
