package dev.satchel.adapters.rest.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FormDataEscapesTest {

  static Stream<Arguments> sentAndMeant() {
    return Stream.of(
        Arguments.of("my %22q%22 file.txt", "my \"q\" file.txt"),
        Arguments.of("%22", "\""),
        Arguments.of("a%0Db%0Ac", "a\rb\nc"),
        Arguments.of("a%0db%0ac", "a\rb\nc"), // hex case does not matter
        Arguments.of("50%25 off.txt", "50%25 off.txt"), // browsers never escape %: other escapes stay literal
        Arguments.of("%2522", "%2522"), // not an escape: %25 first
        Arguments.of("%2", "%2"),
        Arguments.of("%", "%"),
        Arguments.of("%%22", "%\""),
        Arguments.of("%222", "\"2"),
        Arguments.of("r%C3%A9sum%C3%A9.txt", "r%C3%A9sum%C3%A9.txt"), // only filename* is decoded in full
        Arguments.of("plain.txt", "plain.txt"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sentAndMeant")
  void theThreeBrowserEscapesAreReadBack(String sent, String meant) {
    assertThat(FormDataEscapes.unescapeFilename(sent)).isEqualTo(meant);
  }

  /** What a browser does to a filename before it writes the part (WHATWG HTML §4.10.21.8). */
  private static String escapeLikeABrowser(String name) {
    return name.replace("\n", "%0A").replace("\r", "%0D").replace("\"", "%22");
  }

  /** Names dense in the characters that matter here, plus any other text. */
  @Provide
  Arbitrary<String> names() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("%20aAdD\"\r\nx.").ofMaxLength(24),
        Arbitraries.strings().ofMaxLength(40));
  }

  private static boolean holdsEscapeText(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    return upper.contains("%22") || upper.contains("%0D") || upper.contains("%0A");
  }

  @Property
  void anyNameABrowserSendsComesBackAsItWas(@ForAll("names") String name) {
    // The one ambiguity the standard leaves: a name that already holds an escape's text.
    Assume.that(!holdsEscapeText(name));
    assertThat(FormDataEscapes.unescapeFilename(escapeLikeABrowser(name))).isEqualTo(name);
  }

  @Property
  void textWithoutAnEscapeIsNeverChanged(@ForAll("names") String name) {
    Assume.that(!holdsEscapeText(name));
    assertThat(FormDataEscapes.unescapeFilename(name)).isEqualTo(name);
  }
}
