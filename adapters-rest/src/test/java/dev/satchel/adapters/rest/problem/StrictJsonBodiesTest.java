package dev.satchel.adapters.rest.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.satchel.adapters.rest.auth.CredentialsRequest;
import dev.satchel.adapters.rest.json.StrictJson;
import dev.satchel.adapters.rest.share.ShareRequest;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The strict reading rules of API.md ("Request bodies are strict") on the real request records,
 * and the problem each refusal becomes: the field as spelled on the wire, a detail without Java.
 */
class StrictJsonBodiesTest {
  private static final ObjectMapper JSON = StrictJson.apply(
      new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));

  @ParameterizedTest(name = "{0} -> field {1}")
  @CsvSource(delimiter = '|', value = {
      "{\"max_downloads\": 1.5}                        | max_downloads",
      "{\"max_downloads\": 1.0}                        | max_downloads",
      "{\"max_downloads\": 1e2}                        | max_downloads",
      "{\"max_downloads\": \"5\"}                      | max_downloads",
      "{\"max_downloads\": true}                       | max_downloads",
      "{\"max_downloads\": [1]}                        | max_downloads",
      "{\"max_downloads\": {}}                         | max_downloads",
      "{\"max_downloads\": 99999999999}                | max_downloads",
      "{\"expires_in\": 59.9}                          | expires_in",
      "{\"expires_in\": \"60\"}                        | expires_in",
      "{\"expires_in\": 99999999999999999999999}       | expires_in",
      "{\"password\": 12345678}                        | password",
      "{\"password\": false}                           | password",
      "{\"password\": [\"a\"]}                         | password",
      "{\"maxDownloads\": 1}                           | maxDownloads",
      "{\"max_downloads\": 1, \"max_downloads\": 2}    | max_downloads",
      "{\"password\": \"abcdefgh\", \"extra\": null}   | extra",
  })
  void shareBodyRefusals(String body, String field) {
    JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class,
        () -> JSON.readValue(body, ShareRequest.class));
    Problem problem = JsonBodyErrors.problem(e, "/files/x/share");
    assertThat(problem.status()).isEqualTo(400);
    assertThat(problem.field()).isEqualTo(field);
    assertThat(problem.detail()).startsWith(field).doesNotContain("java", "Integer", "Long", "jackson", "ShareRequest");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"max_downloads\": 1} x",
      "{\"max_downloads\": 1} {}",
      "[]",
      "\"text\"",
      "42",
      "{\"max_downloads\": 1",
      "{max_downloads: 1}",
  })
  void wholeBodyRefusalsNameNoField(String body) {
    JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class,
        () -> JSON.readValue(body, ShareRequest.class));
    Problem problem = JsonBodyErrors.problem(e, "/files/x/share");
    assertThat(problem.status()).isEqualTo(400);
    assertThat(problem.detail()).doesNotContain("java", "jackson", "ShareRequest", "Trailing");
  }

  @Test
  void wellFormedBodiesStillRead() throws Exception {
    assertThat(JSON.readValue("{\"expires_in\": 60, \"max_downloads\": 1, \"password\": \"pässwörd-€-1\"}",
        ShareRequest.class)).isEqualTo(new ShareRequest(60L, 1, "pässwörd-€-1"));
    assertThat(JSON.readValue("{\"max_downloads\": null}", ShareRequest.class))
        .isEqualTo(new ShareRequest(null, null, null));
    assertThat(JSON.readValue("{}", ShareRequest.class)).isEqualTo(new ShareRequest(null, null, null));
    assertThat(JSON.readValue("{\"email\": \"a@b.example\", \"password\": \"\"}", CredentialsRequest.class))
        .isEqualTo(new CredentialsRequest("a@b.example", ""));
  }

  @Property(tries = 200)
  void anyUnknownFieldIsNamed(@ForAll @AlphaChars @StringLength(min = 1, max = 40) String name) {
    org.junit.jupiter.api.Assumptions.assumeFalse(
        name.equals("email") || name.equals("password"));
    String body = "{\"email\": \"a@b.example\", \"" + name + "\": 1, \"password\": \"abcdefgh\"}";
    JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class,
        () -> JSON.readValue(body, CredentialsRequest.class));
    assertThat(JsonBodyErrors.problem(e, "/register").field()).isEqualTo(name);
  }

  @Property(tries = 300)
  void noFractionBecomesAnInteger(@ForAll("fractions") String number) {
    assertThatThrownBy(() -> JSON.readValue("{\"max_downloads\": " + number + "}", ShareRequest.class))
        .isInstanceOfSatisfying(JsonProcessingException.class,
            e -> assertThat(JsonBodyErrors.field(e)).isEqualTo("max_downloads"));
  }

  @Property(tries = 300)
  void anyScalarOfTheWrongTypeIsRefused(@ForAll("nonStrings") String value) {
    assertThatThrownBy(() -> JSON.readValue("{\"email\": " + value + ", \"password\": \"abcdefgh\"}",
        CredentialsRequest.class))
        .isInstanceOfSatisfying(JsonProcessingException.class,
            e -> assertThat(JsonBodyErrors.field(e)).isEqualTo("email"));
  }

  @Provide
  Arbitrary<String> fractions() {
    return Arbitraries.oneOf(
        Arbitraries.doubles().between(-1e12, 1e12).map(d -> Double.toString(d)),
        Arbitraries.integers().between(-1000, 1000).map(i -> i + ".0"),
        Arbitraries.integers().between(1, 9).map(i -> i + "e" + i));
  }

  @Provide
  Arbitrary<String> nonStrings() {
    return Arbitraries.oneOf(
        Arbitraries.longs().map(l -> Long.toString(l)),
        Arbitraries.doubles().map(d -> Double.toString(d)),
        Arbitraries.of("true", "false", "[]", "{}", "[\"a@b.example\"]", "{\"x\": 1}"));
  }
}
