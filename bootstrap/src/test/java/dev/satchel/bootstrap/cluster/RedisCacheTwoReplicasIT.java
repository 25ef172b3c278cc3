package dev.satchel.bootstrap.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.satchel.bootstrap.Api;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two packaged instances sharing the Redis cache, and with it the rate-limit buckets: a user's
 * requests to either instance draw on one budget.
 */
class RedisCacheTwoReplicasIT extends TwoPackagedReplicasContract {
  /** Roomy for the contract's scenarios (about 20 requests per user), small enough to exhaust. */
  private static final int PER_USER_BUDGET = 40;

  @BeforeAll
  static void start() {
    String host = System.getenv().getOrDefault("SATCHEL_TEST_REDIS_HOST", "127.0.0.1");
    String port = System.getenv().getOrDefault("SATCHEL_TEST_REDIS_PORT", "6379");
    startReplicas("redis-replica", Map.of(
        "satchel.cache.type", "redis",
        "quarkus.redis.hosts", "redis://" + host + ":" + port,
        // One token back every 90 s: nothing refills while the test runs.
        "satchel.rate-limit.authenticated", PER_USER_BUDGET + "/1h"));
  }

  @Test
  void bothInstancesDrawOnOneRateLimitBudgetPerUser() {
    String email = "limited-" + UUID.randomUUID() + "@example.com";
    a.request().contentType(ContentType.JSON).body(Map.of("email", email, "password", Api.PASSWORD))
        .post("/register").then().statusCode(201);
    String bearer = b.request().contentType(ContentType.JSON).body(Map.of("email", email, "password", Api.PASSWORD))
        .post("/login").then().statusCode(200).extract().path("access_token");

    int servedByA = 0;
    int servedByB = 0;
    Response refused = null;
    for (int i = 0; i < 2 * PER_USER_BUDGET && refused == null; i++) {
      PackagedReplica replica = i % 2 == 0 ? a : b;
      Response answer = replica.as(bearer).get("/files");
      if (answer.statusCode() == 429) {
        refused = answer;
      } else {
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.header("RateLimit-Policy")).contains("q=" + PER_USER_BUDGET);
        if (replica == a) {
          servedByA++;
        } else {
          servedByB++;
        }
      }
    }

    // Separate budgets would have served 2 x 40 before refusing; one shared budget serves 40.
    assertThat(servedByA + servedByB).isEqualTo(PER_USER_BUDGET);
    assertThat(servedByA).isPositive();
    assertThat(servedByB).isPositive();
    assertThat(refused).isNotNull();
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.header("Retry-After")).isNotBlank();
    assertThat(refused.jsonPath().getString("code")).isEqualTo("rate-limited");
    a.as(bearer).get("/files").then().statusCode(429);
    b.as(bearer).get("/files").then().statusCode(429);
  }
}
