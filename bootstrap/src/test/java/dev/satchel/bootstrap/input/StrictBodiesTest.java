package dev.satchel.bootstrap.input;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.satchel.bootstrap.Api;
import dev.satchel.bootstrap.TestEnvironmentResource;
import dev.satchel.bootstrap.Uploads;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * API.md "Request bodies are strict", end to end on every JSON body: a refused body is a 400
 * problem naming the field as spelled on the wire, and it changes nothing.
 */
@QuarkusTest
@WithTestResource(value = TestEnvironmentResource.class, scope = TestResourceScope.GLOBAL)
class StrictBodiesTest {
  private static String token; // one account for the class: Argon2 makes each login cost
  private String fileId;

  @BeforeEach
  void fileToShare() {
    if (token == null) {
      token = Api.newUserToken();
    }
    fileId = Uploads.uploadedId(token, "strict.txt", Uploads.randomBytes(64, 7));
  }

  /** Issue 12, input 2: 1.5 used to become a one-download link. */
  @Test
  void fractionalMaxDownloadsIsRefusedNotTruncated() {
    refusedShare("{\"max_downloads\": 1.5}", "max_downloads");
  }

  /** Issue 12, input 2: 59.9 used to make a 59 s link. */
  @Test
  void fractionalExpiresInIsRefusedNotTruncated() {
    refusedShare("{\"expires_in\": 59.9}", "expires_in");
  }

  /** Issue 12, input 1 (the wire half): a camelCase name is an unknown field, not an ignored one. */
  @Test
  void camelCaseFieldIsRefusedNotIgnored() {
    refusedShare("{\"maxDownloads\": 1}", "maxDownloads");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "{\"max_downloads\": \"1\"}                       | max_downloads",
      "{\"max_downloads\": true}                        | max_downloads",
      "{\"max_downloads\": [1]}                         | max_downloads",
      "{\"max_downloads\": 4294967297}                  | max_downloads",
      "{\"expires_in\": \"3600\"}                       | expires_in",
      "{\"expires_in\": 1e3}                            | expires_in",
      "{\"password\": 12345678}                         | password",
      "{\"password\": {\"value\": \"open sesame\"}}     | password",
      "{\"max_downloads\": 1, \"max_downloads\": 5}     | max_downloads",
      "{\"max_downloads\": 1, \"max_download\": 5}      | max_download",
  })
  void everyKindOfWrongShareFieldIsA400NamingIt(String body, String field) {
    refusedShare(body, field);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "{\"max_downloads\": 1} {\"max_downloads\": 9}",
      "{\"max_downloads\": 1} trailing",
      "[{\"max_downloads\": 1}]",
      "\"max_downloads\"",
  })
  void aBodyThatIsNotOneObjectIsA400(String body) {
    noLeak(Api.as(token).contentType(ContentType.JSON).body(body).when().post("/files/" + fileId + "/share")
        .then().statusCode(400).contentType("application/problem+json").body("code", equalTo("malformed-body")));
    assertNoLinks();
  }

  @Test
  void nullFieldsAndAnEmptyBodyStillTakeTheDefaults() {
    Api.as(token).contentType(ContentType.JSON).body("{\"max_downloads\": null, \"expires_in\": null, \"password\": null}")
        .when().post("/files/" + fileId + "/share")
        .then().statusCode(201).body("max_downloads", nullValue()).body("password_protected", equalTo(false));
    Api.as(token).contentType(ContentType.JSON).when().post("/files/" + fileId + "/share").then().statusCode(201);
    Api.as(token).contentType(ContentType.JSON).body("{}").when().post("/files/" + fileId + "/share").then().statusCode(201);
  }

  @Test
  void wholeNumbersStillWork() {
    Instant before = Instant.now();
    String expires = Api.as(token).contentType(ContentType.JSON).body("{\"max_downloads\": 2, \"expires_in\": 60}")
        .when().post("/files/" + fileId + "/share")
        .then().statusCode(201).body("max_downloads", equalTo(2))
        .extract().path("expires_at");
    assertThat(Instant.parse(expires)).isBetween(before.plusSeconds(59), Instant.now().plus(Duration.ofSeconds(61)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "{\"email\": \"%s\", \"password\": \"long enough 1\", \"name\": \"x\"}  | name",
      "{\"email\": \"%s\", \"password\": \"long enough 1\", \"Email\": \"x\"} | Email",
      "{\"email\": \"%s\", \"password\": 12345678901}                         | password",
      "{\"email\": \"%s\", \"password\": [\"long enough 1\"]}                 | password",
      "{\"email\": [\"%s\"], \"password\": \"long enough 1\"}                 | email",
      "{\"email\": \"%s\", \"email\": \"x@example.com\", \"password\": \"long enough 1\"} | email",
  })
  void registrationBodiesAreStrictAndRegisterNobody(String template, String field) {
    String email = "strict-" + UUID.randomUUID() + "@example.com";
    noLeak(given().contentType(ContentType.JSON).body(template.formatted(email)).when().post("/register")
        .then().statusCode(400).contentType("application/problem+json").body("field", equalTo(field)));
    // Nobody was registered: the same address is still free.
    given().contentType(ContentType.JSON).body("{\"email\": \"" + email + "\", \"password\": \"long enough 1\"}")
        .when().post("/register").then().statusCode(201);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "{\"email\": \"a@example.com\", \"password\": \"long enough 1\", \"remember\": true} | remember",
      "{\"email\": \"a@example.com\", \"password\": true}                                 | password",
      "{\"email\": 42, \"password\": \"long enough 1\"}                                   | email",
  })
  void loginBodiesAreStrict(String body, String field) {
    noLeak(given().contentType(ContentType.JSON).body(body).when().post("/login")
        .then().statusCode(400).contentType("application/problem+json").body("field", equalTo(field)));
  }

  private void refusedShare(String body, String field) {
    noLeak(Api.as(token).contentType(ContentType.JSON).body(body).when().post("/files/" + fileId + "/share")
        .then().statusCode(400)
        .contentType("application/problem+json")
        .body("code", equalTo("malformed-body"))
        .body("field", equalTo(field))
        .body("detail", containsString(field)));
    assertNoLinks();
  }

  private void assertNoLinks() {
    Api.as(token).when().get("/files/" + fileId + "/shares").then().statusCode(200).body("size()", equalTo(0));
  }

  private static void noLeak(ValidatableResponse response) {
    response.body(not(containsString("java.")))
        .body(not(containsString("Integer")))
        .body(not(containsString("Long")))
        .body(not(containsString("jackson")))
        .body(not(containsString("ShareRequest")))
        .body(not(containsString("CredentialsRequest")))
        .body(not(containsString("[Source")));
  }
}
