package dev.satchel.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.satchel.domain.error.InvalidInput;
import java.net.URI;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Hostile input for the webhook URL parser: it accepts only the documented shape and never fails otherwise. */
class WebhookUrlPropertiesTest {

  @Property(tries = 2000)
  void anyTextIsEitherAValidUrlOrInvalidInputOnUrl(@ForAll String raw) {
    try {
      WebhookUrl url = WebhookUrl.parse(raw);
      assertAccepted(url);
    } catch (InvalidInput e) {
      assertThat(e.field()).isEqualTo("url");
    }
  }

  @Property(tries = 2000)
  void urlLikeTextIsEitherAValidUrlOrInvalidInputOnUrl(@ForAll("urlLike") String raw) {
    try {
      WebhookUrl url = WebhookUrl.parse(raw);
      assertAccepted(url);
      assertThat(WebhookUrl.parse(url.value())).isEqualTo(url);
    } catch (InvalidInput e) {
      assertThat(e.field()).isEqualTo("url");
    }
  }

  @Property
  void wellFormedUrlsAreAcceptedAndKeepTheirParts(@ForAll("wellFormed") String raw) {
    WebhookUrl url = WebhookUrl.parse(raw);
    URI uri = URI.create(raw);
    assertThat(url.value()).isEqualTo(raw);
    assertThat(url.host()).isEqualTo(uri.getHost().toLowerCase());
    assertThat(url.port()).isEqualTo(uri.getPort() != -1 ? uri.getPort() : url.secure() ? 443 : 80);
    assertThat(url.pathAndQuery()).startsWith("/");
  }

  @Property
  void everyNumericFormOfAnIpv4AddressButTheCanonicalOneIsRefused(
      @ForAll @IntRange(min = 0, max = 255) int a, @ForAll @IntRange(min = 0, max = 255) int b,
      @ForAll @IntRange(min = 0, max = 255) int c, @ForAll @IntRange(min = 0, max = 255) int d,
      @ForAll("notation") String notation) {
    long value = ((long) a << 24) | (b << 16) | (c << 8) | d;
    String host = switch (notation) {
      case "decimal" -> Long.toString(value);
      case "hex" -> "0x" + Long.toHexString(value);
      case "octal" -> "0" + Long.toOctalString(value);
      case "dotted-hex" -> "0x" + Integer.toHexString(a) + ".0x" + Integer.toHexString(b) + ".0x"
          + Integer.toHexString(c) + ".0x" + Integer.toHexString(d);
      case "dotted-octal" -> "0" + Integer.toOctalString(a) + ".0" + Integer.toOctalString(b) + ".0"
          + Integer.toOctalString(c) + ".0" + Integer.toOctalString(d);
      case "short" -> a + "." + ((b << 16) | (c << 8) | d);
      default -> throw new IllegalArgumentException(notation);
    };
    assertThatThrownBy(() -> WebhookUrl.parse("http://" + host + "/hook"))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("url"));
    assertThat(WebhookUrl.parse("http://" + a + "." + b + "." + c + "." + d + "/hook").host())
        .isEqualTo(a + "." + b + "." + c + "." + d);
  }

  @Property
  void userInfoIsAlwaysRefused(@ForAll("label") String user, @ForAll("label") String host) {
    assertThatThrownBy(() -> WebhookUrl.parse("https://" + user + "@" + host + ".example/"))
        .isInstanceOf(InvalidInput.class);
  }

  @Property
  void anythingLongerThanTheBoundIsRefused(@ForAll @IntRange(min = 1, max = 5000) int extra) {
    String url = "https://hooks.example.com/" + "a".repeat(WebhookUrl.MAX_LENGTH - 26 + extra);
    assertThatThrownBy(() -> WebhookUrl.parse(url)).isInstanceOf(InvalidInput.class);
  }

  private static void assertAccepted(WebhookUrl url) {
    URI uri = url.uri();
    assertThat(uri.getScheme().toLowerCase()).isIn("http", "https");
    assertThat(uri.getRawUserInfo()).isNull();
    assertThat(uri.getRawFragment()).isNull();
    assertThat(uri.getHost()).isNotBlank();
    assertThat(url.value().length()).isBetween(1, WebhookUrl.MAX_LENGTH);
    assertThat(url.port()).isBetween(1, 65535);
  }

  @Provide
  Arbitrary<String> notation() {
    return Arbitraries.of("decimal", "hex", "octal", "dotted-hex", "dotted-octal", "short");
  }

  @Provide
  Arbitrary<String> label() {
    return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12);
  }

  @Provide
  Arbitrary<String> wellFormed() {
    Arbitrary<String> scheme = Arbitraries.of("http", "https", "HTTPS");
    Arbitrary<String> host = label().list().ofMinSize(1).ofMaxSize(4).map(labels -> String.join(".", labels) + ".com");
    Arbitrary<String> port = Arbitraries.integers().between(1, 65535).map(p -> ":" + p).injectNull(0.5)
        .map(p -> p == null ? "" : p);
    Arbitrary<String> path = Arbitraries.strings().withChars("abc/-_.~%20").ofMaxLength(30).map(p -> "/" + p)
        .filter(p -> !p.contains("%") || p.matches("(/[^%]*|.*%20.*)") && !p.matches(".*%(?!20).*"));
    return Combinators.combine(scheme, host, port, path).as((s, h, p, q) -> s + "://" + h + p + q);
  }

  @Provide
  Arbitrary<String> urlLike() {
    Arbitrary<String> scheme = Arbitraries.of("http", "https", "ftp", "HTTP", "", "javascript", "file");
    Arbitrary<String> separator = Arbitraries.of("://", ":/", ":", "://@", ":///", "://user:pw@", "//");
    Arbitrary<String> host = Arbitraries.oneOf(
        Arbitraries.strings().withChars("abc019xX.-_:[]@%#?/ \\\u00e9").ofMaxLength(24),
        Arbitraries.of("127.0.0.1", "[::1]", "[::ffff:127.0.0.1]", "2130706433", "0x7f.1", "example.com",
            "localhost", "[fe80::1%25eth0]", "a..b", "-a.com", "a-.com", "1.2.3.4.5", "256.1.1.1"));
    Arbitrary<String> rest = Arbitraries.strings().withChars("/:?#@%ab1 ").ofMaxLength(16);
    return Combinators.combine(scheme, separator, host, rest).as((s, sep, h, r) -> s + sep + h + r);
  }
}
