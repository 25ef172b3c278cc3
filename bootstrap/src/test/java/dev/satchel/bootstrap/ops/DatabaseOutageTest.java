package dev.satchel.bootstrap.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import dev.satchel.bootstrap.Api;
import dev.satchel.bootstrap.DatabaseRelay;
import dev.satchel.bootstrap.TcpProxy;
import dev.satchel.bootstrap.TestEnvironmentResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL cut off behind Satchel: requests that need it answer 503 problems within seconds,
 * readiness goes DOWN, and everything recovers by itself once the database is back.
 */
@QuarkusTest
@WithTestResource(value = TestEnvironmentResource.class, scope = TestResourceScope.GLOBAL)
class DatabaseOutageTest {

  @DatabaseRelay
  TcpProxy database;

  @AfterEach
  void restoreDatabase() {
    database.restore();
  }

  @Test
  void outageAnswers503FastThenRecoversWithoutRestart() {
    String token = Api.newUserToken();
    Api.as(token).when().get("/files").then().statusCode(200);

    database.cut();

    long started = System.nanoTime();
    Api.as(token).when().get("/files")
        .then().statusCode(503)
        .contentType("application/problem+json")
        .header("Retry-After", equalTo("5"))
        .body("code", equalTo("database-unavailable"))
        .body(not(containsString("PSQL")))
        .body(not(containsString("jdbc")));
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    given().when().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
    given().when().get("/q/health/live").then().statusCode(200);

    database.restore();

    Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
        .untilAsserted(() -> Api.as(token).when().get("/files").then().statusCode(200));
    given().when().get("/q/health/ready").then().statusCode(200);
  }
}
