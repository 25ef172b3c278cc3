package dev.satchel.bootstrap.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.satchel.application.share.DownloadTally;
import dev.satchel.bootstrap.Api;
import dev.satchel.bootstrap.DatabaseRelay;
import dev.satchel.bootstrap.TcpProxy;
import dev.satchel.bootstrap.TestEnvironmentResource;
import dev.satchel.bootstrap.jobs.DownloadCountFlush;
import dev.satchel.domain.share.ShareId;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Downloads of unlimited links counted in memory survive a database outage: the flushes it
 * refuses keep their counts, which arrive once PostgreSQL is back. (In-process only: it reads the
 * replica's tally and meters.)
 */
@QuarkusTest
@WithTestResource(value = TestEnvironmentResource.class, scope = TestResourceScope.GLOBAL)
class DownloadCountsDuringOutageTest extends SharedFileFixture {
  @DatabaseRelay
  TcpProxy database;

  @Inject DownloadTally tally;
  @Inject DownloadCountFlush flush;
  @Inject MeterRegistry metrics;

  @AfterEach
  void restoreDatabase() {
    database.restore();
  }

  @Test
  void countsRefusedDuringAnOutageArriveAfterRecovery() {
    Response created = share(null);
    String shareToken = created.path("token");
    ShareId link = ShareId.parse(created.path("share_id"));
    for (int i = 0; i < 3; i++) {
      download(shareToken).then().statusCode(200);
    }
    double failuresBefore = metrics.counter("satchel.download.count.flush.failures").count();

    database.cut();
    // Downloads served meanwhile (from a cache that stays coherent, such as Redis) count here.
    for (int i = 0; i < 4; i++) {
      tally.record(link);
    }
    flush.flushNow();
    Awaitility.await().atMost(Duration.ofSeconds(30))
        .until(() -> metrics.counter("satchel.download.count.flush.failures").count() > failuresBefore);
    assertThat(tally.pendingDownloads()).isPositive();

    database.restore();

    Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
        Api.as(token).when().get("/files/" + fileId + "/shares").then().statusCode(200)
            .body("[0].download_count", equalTo(7)));
  }
}
