package dev.satchel.bootstrap.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.satchel.bootstrap.Api;
import dev.satchel.bootstrap.DatabaseRelay;
import dev.satchel.bootstrap.Metrics;
import dev.satchel.bootstrap.RedisCacheProfile;
import dev.satchel.bootstrap.TcpProxy;
import dev.satchel.bootstrap.TestEnvironmentResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * With a cache that stays coherent while PostgreSQL is away (Redis), a cached link without a
 * limit keeps serving: its downloads need no write, the flushes the outage refuses keep their
 * counts, and the counts arrive once the database is back. A limited link needs the database.
 */
@QuarkusTest
@TestProfile(RedisCacheProfile.class)
@WithTestResource(value = TestEnvironmentResource.class, scope = TestResourceScope.GLOBAL)
class UnlimitedLinkDuringDatabaseOutageTest extends SharedFileFixture {
  @DatabaseRelay
  TcpProxy database;

  @AfterEach
  void restoreDatabase() {
    database.restore();
  }

  @Test
  void cachedUnlimitedLinkServesDuringTheOutageAndItsCountsArriveAfterwards() {
    String shareToken = share(null).path("token");
    String limitedToken = share(Map.of("max_downloads", 100)).path("token");
    download(shareToken).then().statusCode(200); // caches the link and the file
    download(limitedToken).then().statusCode(200);
    double failuresBefore = Metrics.value("satchel_download_count_flush_failures_total");

    database.cut();

    for (int i = 0; i < 4; i++) {
      assertThat(download(shareToken).then().statusCode(200).extract().asByteArray()).isEqualTo(content);
    }
    download(limitedToken).then().statusCode(503); // its count is exact, so it needs the database
    Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() ->
        Metrics.value("satchel_download_count_flush_failures_total") > failuresBefore);

    database.restore();

    Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
        Api.as(token).when().get("/files/" + fileId + "/shares").then().statusCode(200)
            .body("find { it.max_downloads == null }.download_count", equalTo(5))
            .body("find { it.max_downloads == 100 }.download_count", equalTo(1)));
  }
}
