package dev.satchel.bootstrap.ratelimit;

import static dev.satchel.bootstrap.ratelimit.RateLimitClient.freshNetwork;
import static dev.satchel.bootstrap.ratelimit.RateLimitClient.newUserToken;
import static dev.satchel.bootstrap.ratelimit.TinyRateLimitsProfile.GENERAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.satchel.adapters.persistence.ratelimit.LocalRateLimiter;
import dev.satchel.adapters.persistence.ratelimit.RedisRateLimiter;
import dev.satchel.adapters.persistence.redis.RedisGuard;
import dev.satchel.bootstrap.Api;
import dev.satchel.bootstrap.RedisRelay;
import dev.satchel.bootstrap.Simultaneously;
import dev.satchel.bootstrap.TcpProxy;
import dev.satchel.bootstrap.TestEnvironmentResource;
import dev.satchel.domain.ratelimit.RateLimitDecision;
import dev.satchel.domain.ratelimit.RateLimitPolicy;
import dev.satchel.domain.ratelimit.RateLimiter;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Rate limits shared through Redis. The "second replica" is a second {@link RedisRateLimiter}
 * built here on the same Redis and key prefix (cheaper than a second application, and it runs
 * the very code a second replica would); Redis is cut through the test relay.
 */
@QuarkusTest
@TestProfile(RedisTinyRateLimitsProfile.class)
@WithTestResource(value = TestEnvironmentResource.class, scope = TestResourceScope.GLOBAL)
class RedisRateLimitingTest {
  private static final RateLimitPolicy GENERAL_POLICY = new RateLimitPolicy(GENERAL, Duration.ofMinutes(1));

  @RedisRelay
  TcpProxy redisRelay;

  @Inject
  RedisDataSource redis;

  @AfterEach
  void restoreRedis() {
    redisRelay.restore();
  }

  private RateLimiter secondReplica() {
    return new RedisRateLimiter(redis, new RedisGuard(Clock.systemUTC(), Duration.ofSeconds(1), (op, e) -> { }),
        RedisTinyRateLimitsProfile.KEY_PREFIX, new LocalRateLimiter(Clock.systemUTC(), 100), Duration.ofSeconds(1), 100);
  }

  @Test
  void twoReplicasSharingOneRedisSeeOneBudget() {
    String token = newUserToken(freshNetwork());
    RateLimiter other = secondReplica();
    Api.as(token).when().get("/files").then().statusCode(200);
    Api.as(token).when().get("/files").then().statusCode(200)
        .header("RateLimit", startsWith("\"authenticated\";r=3;"));

    RateLimitDecision seenByOther = other.tryAcquire("authenticated:user:" + subject(token), GENERAL_POLICY);
    assertThat(seenByOther.allowed()).isTrue();
    assertThat(seenByOther.remaining()).isEqualTo(2);
    other.tryAcquire("authenticated:user:" + subject(token), GENERAL_POLICY);
    other.tryAcquire("authenticated:user:" + subject(token), GENERAL_POLICY);

    Api.as(token).when().get("/files").then().statusCode(429).body("code", equalTo("rate-limited"));
    assertThat(other.tryAcquire("authenticated:user:" + subject(token), GENERAL_POLICY).allowed()).isFalse();
  }

  @Test
  void concurrentRequestsOnTwoReplicasGetExactlyTheBucketsTokens() throws Exception {
    // Each replica batches the requests that wait on one key; batching must not change the count
    // (a bucket this small is never lent, so the count is exact).
    RateLimitPolicy sixty = new RateLimitPolicy(60, Duration.ofHours(1));
    String key = "concurrent:" + UUID.randomUUID();
    List<RateLimiter> replicas = List.of(secondReplica(), secondReplica());

    List<Long> allowedPerThread = Simultaneously.run(16, thread -> {
      RateLimiter replica = replicas.get(thread % 2);
      List<CompletableFuture<RateLimitDecision>> answers = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        answers.add(replica.acquire(key, sixty).toCompletableFuture());
      }
      return answers.stream().filter(answer -> answer.join().allowed()).count();
    });

    assertThat(allowedPerThread.stream().mapToLong(Long::longValue).sum()).isEqualTo(60);
    RateLimitDecision after = replicas.get(0).tryAcquire(key, sixty);
    assertThat(after.allowed()).isFalse();
    assertThat(after.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1));
  }

  /** The script itself: while tokens are lent out, the refill stops short of the capacity by them. */
  @Test
  void lentTokensAndTokensInRedisNeverExceedTheBucket() throws Exception {
    String script;
    try (var in = RedisRateLimiter.class.getResourceAsStream("token-bucket.lua")) {
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String key = RedisTinyRateLimitsProfile.KEY_PREFIX + "ratelimit:lend-test:" + UUID.randomUUID();
    // 32 tokens per second; take 1 and have 8 lent for 5 s.
    var first = redis.execute("EVAL", script, "1", key, "32", "1000000", "1", "8", "5000000");
    assertThat(first.get(0).toLong()).isEqualTo(1);
    assertThat(first.get(1).toLong()).isEqualTo(8);
    assertThat(first.get(2).toLong()).isEqualTo(23);

    // A whole period passes (the bucket's last update moves back by one period, on Redis's clock):
    // without the loan the bucket would be full again.
    redis.execute("HINCRBY", key, "at", "-1000000");

    var burst = redis.execute("EVAL", script, "1", key, "32", "1000000", "100", "0", "5000000");
    assertThat(burst.get(0).toLong()).as("the 8 tokens still lent are not refilled").isEqualTo(24);

    redis.execute("HSET", key, "held_until", "0"); // the loan lapses
    redis.execute("HINCRBY", key, "at", "-1000000");
    var afterLapse = redis.execute("EVAL", script, "1", key, "32", "1000000", "100", "0", "5000000");
    assertThat(afterLapse.get(0).toLong()).as("a lapsed loan no longer holds the refill back").isEqualTo(32);
  }

  @Test
  void withRedisCutEachReplicaLimitsOnItsOwnWithoutErrorsAndSharingResumesAfterwards() {
    String token = newUserToken(freshNetwork());
    redisRelay.cut();

    for (int i = 0; i < GENERAL; i++) {
      long started = System.nanoTime();
      Api.as(token).when().get("/files").then().statusCode(200);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }
    Api.as(token).when().get("/files").then().statusCode(429).body("code", equalTo("rate-limited"));
    RateLimitClient.from(freshNetwork()).when().get("/share/none").then().statusCode(404);

    redisRelay.restore();

    RateLimiter other = secondReplica();
    Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
      String fresh = newUserToken(freshNetwork());
      Api.as(fresh).when().get("/files").then().statusCode(200);
      assertThat(other.tryAcquire("authenticated:user:" + subject(fresh), GENERAL_POLICY).remaining())
          .as("the other replica sees the application's request in Redis").isEqualTo(GENERAL - 2);
    });
  }

  /** The user id: the subject of the (already verified) access token. */
  private static String subject(String jwt) {
    String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    Matcher sub = Pattern.compile("\"sub\"\\s*:\\s*\"([^\"]+)\"").matcher(payload);
    assertThat(sub.find()).isTrue();
    return sub.group(1);
  }
}
