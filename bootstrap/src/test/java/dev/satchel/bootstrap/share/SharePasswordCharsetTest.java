package dev.satchel.bootstrap.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.satchel.bootstrap.Api;
import dev.satchel.bootstrap.RawHttp;
import dev.satchel.bootstrap.TestEnvironmentResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * X-Share-Password carries UTF-8 (API.md), sent here as the exact bytes curl puts on the wire:
 * a link created with a non-ASCII password through JSON opens with that password and no other.
 */
@QuarkusTest
@WithTestResource(value = TestEnvironmentResource.class, scope = TestResourceScope.GLOBAL)
class SharePasswordCharsetTest extends SharedFileFixture {
  private static final AtomicInteger NETWORK = new AtomicInteger(1);

  /** Issue 12, input 3: these links used to answer 401 forever. */
  @ParameterizedTest
  @ValueSource(strings = {"пароль-секрет", "pässwörd-€-1", "密码-\uD83D\uDD11-key", "ends-in-à", "ends-in-Å"})
  void nonAsciiPasswordSentAsUtf8OpensTheLink(String password) {
    String shareToken = share(Map.of("password", password)).then().statusCode(201).extract().path("token");

    assertThat(open(shareToken, password.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(200);
  }

  @Test
  void aWrongNonAsciiPasswordStaysRejected() {
    String shareToken = share(Map.of("password", "пароль-секрет")).then().statusCode(201).extract().path("token");

    assertThat(open(shareToken, "пароль-секреТ".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(401);
    assertThat(open(shareToken, "пароль".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(401);
    // The mojibake that a Latin-1 reading of the UTF-8 bytes gives is not the password either.
    String mojibake = new String("пароль-секрет".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    assertThat(open(shareToken, mojibake.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(401);
  }

  @Test
  void bytesThatAreNotUtf8AreReadAsLatin1() {
    String shareToken = share(Map.of("password", "pässwörd-1")).then().statusCode(201).extract().path("token");

    assertThat(open(shareToken, "pässwörd-1".getBytes(StandardCharsets.ISO_8859_1)).status()).isEqualTo(200);
  }

  @Test
  void composedAndDecomposedSpellingsAreOnePassword() {
    String shareToken = share(Map.of("password", "cafe\u0301-cre\u0300me")).then().statusCode(201).extract().path("token");

    assertThat(open(shareToken, "caf\u00e9-cr\u00e8me".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(200);
    assertThat(open(shareToken, "cafe\u0301-cre\u0300me".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"line\r\nbreak-pw", "nul\u0000inside-pw", "tab\tinside-pw", " leading-space", "trailing-space ", "lone-\uD800-half"})
  void aPasswordNoClientCouldSendIsRefusedAtCreation(String password) {
    share("{\"password\": \"" + jsonEscaped(password) + "\"}").then().statusCode(400)
        .contentType("application/problem+json")
        .body("field", equalTo("password"));
    Api.as(token).when().get("/files/" + fileId + "/shares").then().statusCode(200).body("size()", equalTo(0));
  }

  // Escaped by hand: a JSON library may refuse to write an unpaired surrogate.
  private static String jsonEscaped(String text) {
    StringBuilder escaped = new StringBuilder();
    text.chars().forEach(c -> escaped.append(c < 0x20 || Character.isSurrogate((char) c) || c == '"' || c == '\\'
        ? "\\u%04x".formatted(c) : String.valueOf((char) c)));
    return escaped.toString();
  }

  // Each check comes from its own network, so the guessing throttle never decides a result here.
  private static RawHttp.Answer open(String shareToken, byte[] password) {
    String network = "198.18." + (NETWORK.incrementAndGet() % 250) + ".1";
    return RawHttp.get("/share/" + shareToken, Map.of(
        "X-Share-Password", password,
        "X-Forwarded-For", network.getBytes(StandardCharsets.US_ASCII)));
  }
}
