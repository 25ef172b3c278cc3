package dev.satchel.bootstrap.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import dev.satchel.bootstrap.Api;
import dev.satchel.bootstrap.TestEnvironmentResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = TestEnvironmentResource.class, scope = TestResourceScope.GLOBAL)
class RegistrationAndLoginTest {

  private static Response register(Object body) {
    return given().contentType(ContentType.JSON).body(body).when().post("/register");
  }

  private static String uniqueEmail() {
    return "reg-" + UUID.randomUUID() + "@example.com";
  }

  @Test
  void registrationAnswersCreatedWithAUserId() {
    register(Map.of("email", uniqueEmail(), "password", "password123"))
        .then().statusCode(201)
        .body("message", equalTo("User registered successfully"))
        .body("user_id", matchesPattern("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
  }

  @Test
  void sameEmailInAnotherCaseIsAConflict() {
    String email = uniqueEmail();
    register(Map.of("email", email, "password", "password123")).then().statusCode(201);
    register(Map.of("email", "  " + email.toUpperCase() + " ", "password", "password123"))
        .then().statusCode(409)
        .contentType("application/problem+json")
        .body("code", equalTo("email-taken"));
  }

  @Test
  void invalidEmailIsRejectedNamingTheField() {
    for (String bad : new String[] {"", "no-at-sign", "two@@example.com", "spaces in@example.com", "a@b", "a@.com"}) {
      register(Map.of("email", bad, "password", "password123"))
          .then().statusCode(400).body("field", equalTo("email"));
    }
  }

  @Test
  void passwordMustBeEightTo1024Characters() {
    register(Map.of("email", uniqueEmail(), "password", "short12")).then().statusCode(400).body("field", equalTo("password"));
    register(Map.of("email", uniqueEmail(), "password", "x".repeat(1025))).then().statusCode(400).body("field", equalTo("password"));
    register(Map.of("email", uniqueEmail(), "password", "x".repeat(1024))).then().statusCode(201);
    register(Map.of("email", uniqueEmail(), "password", "12345678")).then().statusCode(201);
  }

  @Test
  void missingFieldsAndMalformedBodiesAre400WithoutLeaks() {
    register(Map.of("email", uniqueEmail())).then().statusCode(400).body("field", equalTo("password"));
    register(Map.of("password", "password123")).then().statusCode(400).body("field", equalTo("email"));
    given().contentType(ContentType.JSON).body("{\"email\":").when().post("/register")
        .then().statusCode(400).contentType("application/problem+json")
        .body(not(containsString("Exception"))).body(not(containsString("jackson")));
    given().contentType(ContentType.JSON).when().post("/login").then().statusCode(400);
  }

  @Test
  void loginGivesABearerTokenThatOpensFileEndpoints() {
    String email = Api.registerNewUser();
    String token = given().contentType(ContentType.JSON).body(Map.of("email", email.toUpperCase(), "password", Api.PASSWORD))
        .when().post("/login")
        .then().statusCode(200)
        .body("token_type", equalTo("bearer"))
        .body("expires_in", equalTo(3600))
        .extract().path("access_token");
    Api.as(token).when().get("/files").then().statusCode(200);
  }

  @Test
  void wrongPasswordAndUnknownEmailGiveTheSameAnswer() {
    String email = Api.registerNewUser();
    Response wrongPassword = given().contentType(ContentType.JSON)
        .body(Map.of("email", email, "password", "not the password")).when().post("/login");
    Response unknownEmail = given().contentType(ContentType.JSON)
        .body(Map.of("email", uniqueEmail(), "password", "not the password")).when().post("/login");
    assertThat(wrongPassword.statusCode()).isEqualTo(401);
    assertThat(unknownEmail.statusCode()).isEqualTo(401);
    assertThat(unknownEmail.body().asString()).isEqualTo(wrongPassword.body().asString());
    assertThat(unknownEmail.contentType()).isEqualTo(wrongPassword.contentType());
  }
}
