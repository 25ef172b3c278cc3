package dev.satchel.bootstrap.ratelimit;

import static dev.satchel.bootstrap.ratelimit.RateLimitClient.freshNetwork;
import static dev.satchel.bootstrap.ratelimit.RateLimitClient.from;
import static dev.satchel.bootstrap.ratelimit.RateLimitClient.newUserToken;
import static dev.satchel.bootstrap.ratelimit.TinyRateLimitsProfile.GENERAL;
import static dev.satchel.bootstrap.ratelimit.TinyRateLimitsProfile.REGISTRATIONS;
import static dev.satchel.bootstrap.ratelimit.TinyRateLimitsProfile.UPLOADS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.satchel.bootstrap.Api;
import dev.satchel.bootstrap.Db;
import dev.satchel.bootstrap.Metrics;
import dev.satchel.bootstrap.TestEnvironmentResource;
import dev.satchel.bootstrap.Uploads;
import dev.satchel.bootstrap.events.SseClient;
import dev.satchel.bootstrap.events.WsClient;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** API-wide rate limits end to end, with tiny limits: per user, per network, uploads, registration. */
@QuarkusTest
@TestProfile(TinyRateLimitsProfile.class)
@WithTestResource(value = TestEnvironmentResource.class, scope = TestResourceScope.GLOBAL)
class RateLimitingTest {

  @Test
  void authenticatedRequestsAreLimitedPerUserWithHeadersAndA429Problem() {
    String alice = newUserToken(freshNetwork());
    String bob = newUserToken(freshNetwork());

    for (int i = 1; i <= GENERAL; i++) {
      Api.as(alice).when().get("/files").then().statusCode(200)
          .header("RateLimit-Policy", "\"authenticated\";q=5;w=60")
          .header("RateLimit", startsWith("\"authenticated\";r=" + (GENERAL - i) + ";t="));
    }
    double rejectedBefore = Metrics.value("satchel_rate_limit_rejections_total", "limit=\"authenticated\"");

    Response refused = Api.as(alice).header("X-Forwarded-For", freshNetwork()).when().get("/files");

    refused.then().statusCode(429)
        .contentType("application/problem+json")
        .body("code", equalTo("rate-limited"))
        .body("status", equalTo(429))
        .body("instance", equalTo("/files"))
        .header("RateLimit-Policy", "\"authenticated\";q=5;w=60")
        .header("RateLimit", startsWith("\"authenticated\";r=0;t="));
    assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 12L);
    assertThat(Metrics.value("satchel_rate_limit_rejections_total", "limit=\"authenticated\""))
        .isEqualTo(rejectedBefore + 1);
    Api.as(bob).when().get("/files").then().statusCode(200)
        .header("RateLimit", startsWith("\"authenticated\";r=" + (GENERAL - 1) + ";"));
  }

  @Test
  void anonymousRequestsAreLimitedPerNetwork() {
    String network = freshNetwork();
    for (int i = 0; i < GENERAL; i++) {
      from(network).when().get("/share/no-such-token-" + i).then().statusCode(404)
          .header("RateLimit-Policy", "\"anonymous\";q=5;w=60");
    }

    from(network).when().get("/share/no-such-token").then().statusCode(429)
        .body("code", equalTo("rate-limited"))
        .header("RateLimit", startsWith("\"anonymous\";r=0;"));
    from(freshNetwork()).when().get("/share/no-such-token").then().statusCode(404);
  }

  @Test
  void anIpv6ClientIsLimitedByItsSlash64() {
    for (int i = 0; i < GENERAL; i++) {
      from("2001:db8:77:" + (i + 1) + "::1").when().get("/share/none").then().statusCode(404);
    }
    for (int i = 0; i < GENERAL; i++) {
      from("2001:db8:76:5::" + Integer.toHexString(i + 1)).when().get("/share/none").then().statusCode(404);
    }

    from("2001:db8:76:5:ffff:ffff:ffff:ffff").when().get("/share/none").then().statusCode(429);
  }

  @Test
  void anInvalidTokenCountsAsAnonymous() {
    String network = freshNetwork();
    for (int i = 0; i < GENERAL; i++) {
      from(network).header("Authorization", "Bearer not-a-jwt").when().get("/share/none").then().statusCode(404)
          .header("RateLimit", startsWith("\"anonymous\";r=" + (GENERAL - 1 - i) + ";"));
    }

    from(network).when().get("/share/none").then().statusCode(429);
  }

  @Test
  void anAuthenticatedEndpointRefusesABadTokenBeforeTheLimiterRuns() {
    String network = freshNetwork();
    for (int i = 0; i < GENERAL * 2; i++) {
      from(network).header("Authorization", "Bearer not-a-jwt").when().get("/files").then().statusCode(401);
    }

    from(network).when().get("/share/none").then().statusCode(404)
        .header("RateLimit", startsWith("\"anonymous\";r=" + (GENERAL - 1) + ";"));
  }

  @Test
  void uploadsHaveTheirOwnSmallerBucketOnTopOfTheUserOne() {
    String carol = newUserToken(freshNetwork());
    for (int i = 0; i < UPLOADS; i++) {
      Uploads.upload(carol, "f" + i + ".txt", new byte[] {1, 2, 3}).then().statusCode(201)
          .header("RateLimit-Policy", "\"authenticated\";q=5;w=60, \"upload\";q=2;w=60");
    }
    double rejectedBefore = Metrics.value("satchel_rate_limit_rejections_total", "limit=\"upload\"");

    Uploads.upload(carol, "one-too-many.txt", new byte[] {1}).then().statusCode(429)
        .body("code", equalTo("rate-limited"))
        .header("RateLimit", startsWith("\"authenticated\";r=2;"));

    assertThat(Metrics.value("satchel_rate_limit_rejections_total", "limit=\"upload\"")).isEqualTo(rejectedBefore + 1);
    Api.as(carol).when().get("/files").then().statusCode(200).body("size()", equalTo(UPLOADS));
  }

  @Test
  void registrationHasItsOwnBucketPerNetwork() {
    String network = freshNetwork();
    for (int i = 0; i < REGISTRATIONS; i++) {
      register(network).then().statusCode(201)
          .header("RateLimit-Policy", "\"anonymous\";q=5;w=60, \"register\";q=2;w=3600");
    }
    double rejectedBefore = Metrics.value("satchel_rate_limit_rejections_total", "limit=\"register\"");

    Response refused = register(network);

    refused.then().statusCode(429).body("code", equalTo("rate-limited"));
    assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 1800L);
    assertThat(Metrics.value("satchel_rate_limit_rejections_total", "limit=\"register\"")).isEqualTo(rejectedBefore + 1);
    register(freshNetwork()).then().statusCode(201);
  }

  /** Answers decided before the resource runs, or by its first check, still say the limits. */
  @Test
  void earlyRefusalsCarryTheRateLimitFields() {
    String token = newUserToken(freshNetwork());

    Api.as(token).header("Upload-Length", "10").when().post("/uploads").then().statusCode(412)
        .header("RateLimit", startsWith("\"authenticated\";r=" + (GENERAL - 1) + ";"))
        .header("RateLimit", containsString("\"upload\";r="));
    Api.as(token).header("Last-Event-ID", "not-an-event").when().get("/events").then().statusCode(400)
        .header("RateLimit", startsWith("\"authenticated\";r=" + (GENERAL - 2) + ";"));
  }

  @Test
  void operationsEndpointsAreNotLimited() {
    String network = freshNetwork();
    for (int i = 0; i < GENERAL * 3; i++) {
      from(network).when().get("/q/health/live").then().statusCode(200);
    }
    from(network).when().get("/share/none").then().statusCode(404);
  }

  private static Response register(String network) {
    return from(network).contentType(ContentType.JSON)
        .body(Map.of("email", "reg-" + UUID.randomUUID() + "@example.com", "password", Api.PASSWORD))
        .when().post("/register");
  }

  /**
   * A stream is one request for the limits however long it stays open and however many events
   * it carries; the WebSocket upgrade is admitted like a request and refused with 429 beyond.
   */
  @Test
  void anEventStreamTakesOneAdmissionPerConnection() throws Exception {
    String token = newUserToken(freshNetwork());
    URI base = URI.create("http://127.0.0.1:" + RestAssured.port);
    try (SseClient stream = SseClient.open(base, token, Optional.empty())) {
      assertThat(stream.status()).isEqualTo(200);
      for (int i = 2; i <= GENERAL; i++) {
        Api.as(token).when().get("/files").then().statusCode(200);
      }
      Api.as(token).when().get("/files").then().statusCode(429);
      assertThat(WsClient.open(base, token, null).status()).isEqualTo(429);

      String owner = JsonPath.from(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]),
          StandardCharsets.UTF_8)).getString("sub");
      Db.update("INSERT INTO satchel.events (id, owner_id, type, occurred_at, data) VALUES"
          + " (gen_random_uuid(), CAST(? AS uuid), 'file.deleted', now(), CAST('{}' AS json))", owner);
      assertThat(stream.next(Duration.ofSeconds(10))).hasValueSatisfying(
          event -> assertThat(event.event()).isEqualTo("file.deleted"));
    }
  }
}
