package dev.satchel.bootstrap.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.satchel.bootstrap.Api;
import dev.satchel.bootstrap.Simultaneously;
import dev.satchel.bootstrap.TestEnvironmentResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Password guessing is slowed per account and client network, without locking the owner out. */
@QuarkusTest
@WithTestResource(value = TestEnvironmentResource.class, scope = TestResourceScope.GLOBAL)
class LoginThrottlingTest {
  private static final int FREE_ATTEMPTS = 5;

  private static io.restassured.response.Response logIn(String email, String password, String clientIp) {
    return given().contentType(ContentType.JSON).header("X-Forwarded-For", clientIp)
        .body(Map.of("email", email, "password", password)).when().post("/login");
  }

  @Test
  void failuresBeyondTheFreeAttemptsAre429WithRetryAfterButOtherNetworksStillLogIn() {
    String email = Api.registerNewUser();
    for (int i = 0; i < FREE_ATTEMPTS; i++) {
      logIn(email, "wrong password " + i, "203.0.113.7").then().statusCode(401);
    }
    logIn(email, "wrong password again", "203.0.113.7")
        .then().statusCode(429)
        .contentType("application/problem+json")
        .header("Retry-After", notNullValue())
        .body("code", equalTo("too-many-attempts"));
    org.assertj.core.api.Assertions.assertThat(
        dev.satchel.bootstrap.Metrics.value("satchel_rate_limit_rejections_total", "limit=\"login\"")).isPositive();
    // Even the right password waits out the delay from the attacking network...
    logIn(email, Api.PASSWORD, "203.0.113.7").then().statusCode(429);
    // ...while the owner elsewhere is not locked out.
    logIn(email, Api.PASSWORD, "198.51.100.20").then().statusCode(200);
  }

  @Test
  void parallelWrongPasswordsGetNoMoreThanTheFreeAttemptsBetweenThem() throws Exception {
    String email = Api.registerNewUser();
    int guesses = 24;
    List<Integer> statuses = Simultaneously.run(guesses,
        i -> logIn(email, "parallel guess " + i, "203.0.113.9").statusCode());

    assertThat(statuses).filteredOn(s -> s == 401).hasSize(FREE_ATTEMPTS);
    assertThat(statuses).filteredOn(s -> s == 429).hasSize(guesses - FREE_ATTEMPTS);
    // The owner on another network is unaffected.
    logIn(email, Api.PASSWORD, "198.51.100.21").then().statusCode(200);
  }

  @Test
  void ipv6ClientsAreGroupedByTheirSlash64() {
    String email = Api.registerNewUser();
    for (int i = 0; i < FREE_ATTEMPTS; i++) {
      logIn(email, "wrong password " + i, "2001:db8:1:2::" + (i + 1)).then().statusCode(401);
    }
    logIn(email, "wrong again", "2001:db8:1:2::ffff").then().statusCode(429);
    logIn(email, Api.PASSWORD, "2001:db8:9:9::1").then().statusCode(200);
  }
}
