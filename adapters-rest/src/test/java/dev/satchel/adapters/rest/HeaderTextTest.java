package dev.satchel.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HeaderTextTest {

  /** What Vert.x hands over for the bytes a client put on the wire: one char per byte. */
  private static String asVertxReadsIt(byte[] wire) {
    return new String(wire, StandardCharsets.ISO_8859_1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"пароль-секрет", "pässwörd-€-1", "密码密码密码", "ends-in-à", "ends-in-Å", "emoji-\uD83D\uDE00-1"})
  void utf8OnTheWireIsReadAsTheTextItEncodes(String password) {
    assertThat(HeaderText.utf8(asVertxReadsIt(password.getBytes(StandardCharsets.UTF_8)))).isEqualTo(password);
  }

  @Property(tries = 1000)
  void anyTextSentAsUtf8IsRecovered(@ForAll("wellFormed") String text) {
    assertThat(HeaderText.utf8(asVertxReadsIt(text.getBytes(StandardCharsets.UTF_8)))).isEqualTo(text);
  }

  @Property(tries = 500)
  void bytesThatAreNotUtf8KeepTheirLatin1Reading(@ForAll byte[] wire) {
    String latin1 = asVertxReadsIt(wire);
    String utf8 = new String(wire, StandardCharsets.UTF_8);
    Assume.that(!java.util.Arrays.equals(utf8.getBytes(StandardCharsets.UTF_8), wire));
    assertThat(HeaderText.utf8(latin1)).isEqualTo(latin1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"p\u00e4ssw\u00f6rd", "caf\u00e9", "\u00ff\u00fe"})
  void latin1OnTheWireIsReadAsLatin1(String password) {
    assertThat(HeaderText.utf8(asVertxReadsIt(password.getBytes(StandardCharsets.ISO_8859_1)))).isEqualTo(password);
  }

  @Property(tries = 300)
  void asciiAndNullPassThrough(@ForAll("ascii") String text) {
    assertThat(HeaderText.utf8(text)).isSameAs(text);
    assertThat(HeaderText.utf8(null)).isNull();
  }

  @Provide
  Arbitrary<String> wellFormed() {
    return Arbitraries.strings().all().ofMaxLength(40)
        .filter(s -> new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).equals(s));
  }

  @Provide
  Arbitrary<String> ascii() {
    return Arbitraries.strings().ascii().ofMaxLength(40);
  }
}
