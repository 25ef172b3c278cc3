package dev.satchel.bootstrap.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.satchel.bootstrap.Api;
import dev.satchel.bootstrap.TestEnvironmentResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** A query parameter an endpoint reads may appear once; a second one is a 400 naming it, not a guess. */
@QuarkusTest
@WithTestResource(value = TestEnvironmentResource.class, scope = TestResourceScope.GLOBAL)
class SingleQueryParametersTest {
  private String token;

  @BeforeEach
  void newUser() {
    token = Api.newUserToken();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "/files?limit=1&limit=1000                 | limit",
      "/files?cursor=a&limit=5&cursor=b          | cursor",
      "/files/search?name=a&name=b               | name",
      "/files/search?min_size=1&min_size=1       | min_size",
      "/files/search?type=image&sort=size&type=x | type"})
  void aRepeatedParameterIs400NamingIt(String pathAndQuery, String field) {
    Api.as(token).urlEncodingEnabled(false).when().get(pathAndQuery)
        .then().statusCode(400).contentType("application/problem+json")
        .body("code", equalTo("invalid-input")).body("field", equalTo(field));
  }

  @Test
  void parametersOnceEachAndUnknownRepeatsAreFine() {
    Api.as(token).urlEncodingEnabled(false).when().get("/files?limit=5&utm=a&utm=b").then().statusCode(200);
    Api.as(token).urlEncodingEnabled(false).when().get("/files/search?name=a&type=image").then().statusCode(200);
    given().urlEncodingEnabled(false).when().get("/share/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA?download=1&download=2")
        .then().statusCode(400).body("field", equalTo("download"));
  }
}
