package dev.satchel.bootstrap.cors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.nullValue;

import dev.satchel.bootstrap.Api;
import dev.satchel.bootstrap.TestEnvironmentResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Without SATCHEL_CORS_ORIGINS no origin gets CORS headers, and requests are served as before. */
@QuarkusTest
@WithTestResource(value = TestEnvironmentResource.class, scope = TestResourceScope.GLOBAL)
class CorsOffByDefaultTest {
  @Test
  void noOriginIsAllowedAndNoRequestIsRefusedForItsOrigin() {
    given().header("Origin", "https://app.example.com")
        .header("Access-Control-Request-Method", "GET")
        .header("Access-Control-Request-Headers", "authorization")
        .when().options("/files")
        .then().header("Access-Control-Allow-Origin", nullValue())
        .header("Access-Control-Allow-Headers", nullValue());
    Api.as(Api.newUserToken()).header("Origin", "https://app.example.com").when().get("/files")
        .then().statusCode(200)
        .header("Access-Control-Allow-Origin", nullValue())
        .header("Access-Control-Expose-Headers", nullValue());
  }
}
