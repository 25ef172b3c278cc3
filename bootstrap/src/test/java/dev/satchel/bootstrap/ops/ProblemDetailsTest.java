package dev.satchel.bootstrap.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;

import dev.satchel.bootstrap.Api;
import dev.satchel.bootstrap.TestEnvironmentResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/** Every failure is an RFC 9457 problem, and none leaks internals. */
@QuarkusTest
@WithTestResource(value = TestEnvironmentResource.class, scope = TestResourceScope.GLOBAL)
class ProblemDetailsTest {

  @Test
  void malformedJsonIsA400ProblemWithoutInternals() {
    ValidatableResponse response = given().contentType(ContentType.JSON).body("{\"email\": \"a@b.c\", \"password\": ")
        .when().post("/register")
        .then().statusCode(400)
        .contentType("application/problem+json")
        .body("status", equalTo(400))
        .body("type", equalTo("https://satchel.dev/problems/malformed-body"))
        .body("instance", equalTo("/register"));
    assertNoLeak(response);
  }

  @Test
  void wrongJsonTypeIsA400Problem() {
    assertNoLeak(given().contentType(ContentType.JSON).body("[1,2,3]")
        .when().post("/login")
        .then().statusCode(400).contentType("application/problem+json"));
  }

  @Test
  void unknownRouteIsA404Problem() {
    assertNoLeak(given().when().get("/no/such/route")
        .then().statusCode(404)
        .contentType("application/problem+json")
        .body("status", equalTo(404))
        .body("instance", equalTo("/no/such/route")));
  }

  @Test
  void wrongMethodIsA405ProblemWithAllow() {
    given().when().put("/register")
        .then().statusCode(405)
        .contentType("application/problem+json")
        .body("status", equalTo(405));
  }

  @Test
  void wrongMediaTypeIsA415Problem() {
    given().contentType(ContentType.TEXT).body("email=a")
        .when().post("/register")
        .then().statusCode(415)
        .contentType("application/problem+json");
  }

  @Test
  void malformedFileIdIsA400NamingTheParameter() {
    Api.as(Api.newUserToken()).when().get("/files/not-a-uuid")
        .then().statusCode(400)
        .contentType("application/problem+json")
        .body("field", equalTo("file_id"));
  }

  private static void assertNoLeak(ValidatableResponse response) {
    response.body(not(containsString("Exception")))
        .body(not(containsString("at dev.")))
        .body(not(containsString("at io.")))
        .body(not(containsString("com.fasterxml")))
        .body(not(containsString("SELECT")))
        .body(not(matchesPattern("(?s).*(/tmp/|/work/|/home/).*")));
  }
}
