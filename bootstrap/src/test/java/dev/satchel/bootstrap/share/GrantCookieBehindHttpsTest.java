package dev.satchel.bootstrap.share;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.satchel.bootstrap.CorsProfile;
import dev.satchel.bootstrap.TestEnvironmentResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With an https PUBLIC_BASE_URL (this profile's), the share grant cookie is {@code Secure} even
 * when the request reaches Satchel as plain http with no trusted {@code X-Forwarded-Proto}: a
 * TLS-terminating proxy that forwards nothing must not make browsers send the grant in clear.
 */
@QuarkusTest
@TestProfile(CorsProfile.class)
@WithTestResource(value = TestEnvironmentResource.class, scope = TestResourceScope.GLOBAL)
class GrantCookieBehindHttpsTest extends SharedFileFixture {
  @Test
  void theGrantCookieIsSecureWhenThePublicAddressIsHttps() {
    String shareToken = share(Map.of("password", "open sesame")).then().statusCode(201).extract().path("token");

    Response unlocked = given().redirects().follow(false).contentType(ContentType.URLENC)
        .formParam("password", "open sesame")
        .when().post("/share/" + shareToken + "/unlock");

    unlocked.then().statusCode(303);
    assertThat(unlocked.header("Set-Cookie")).contains("; HttpOnly", "; SameSite=Strict").endsWith("; Secure");
  }
}
