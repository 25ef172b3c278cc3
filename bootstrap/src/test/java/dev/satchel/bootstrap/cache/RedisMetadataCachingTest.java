package dev.satchel.bootstrap.cache;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.satchel.bootstrap.Api;
import dev.satchel.bootstrap.Metrics;
import dev.satchel.bootstrap.RedisCacheProfile;
import dev.satchel.bootstrap.RedisRelay;
import dev.satchel.bootstrap.TcpProxy;
import dev.satchel.bootstrap.TestEnvironmentResource;
import dev.satchel.bootstrap.Uploads;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Metadata caching in Redis, and Satchel carrying on while Redis is away. */
@QuarkusTest
@TestProfile(RedisCacheProfile.class)
@WithTestResource(value = TestEnvironmentResource.class, scope = TestResourceScope.GLOBAL)
class RedisMetadataCachingTest extends MetadataCachingContract {

  @RedisRelay
  TcpProxy redis;

  @Override
  String backend() {
    return "redis";
  }

  @AfterEach
  void restoreRedis() {
    redis.restore();
  }

  @Test
  void redisOutageIsNotAnOutageOfSatchel() {
    String shareToken = Api.as(token).contentType(ContentType.JSON).when().post("/files/" + fileId + "/share").path("token");
    Api.as(token).when().get("/files/" + fileId).then().statusCode(200);

    redis.cut();

    long started = System.nanoTime();
    Api.as(token).when().get("/files/" + fileId).then().statusCode(200);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    Api.as(token).when().get("/files").then().statusCode(200);
    Uploads.upload(token, "during-outage.txt", new byte[] {1, 2, 3}).then().statusCode(201);
    given().when().get("/share/" + shareToken).then().statusCode(200);
    Api.as(Api.newUserToken()).when().get("/files").then().statusCode(200);
    given().when().get("/q/health/ready").then().statusCode(200)
        .body("checks.find { it.name == 'metadata-cache' }.data.state", equalTo("degraded"));
    assertThat(Metrics.value("satchel_cache_errors_total", "backend=\"redis\"")).isPositive();

    redis.restore();

    Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
      double before = fileHits();
      Api.as(token).when().get("/files/" + fileId).then().statusCode(200);
      assertThat(fileHits()).isGreaterThan(before);
    });
    given().when().get("/q/health/ready").then().statusCode(200)
        .body("checks.find { it.name == 'metadata-cache' }.data.state", equalTo("ok"));
  }
}
