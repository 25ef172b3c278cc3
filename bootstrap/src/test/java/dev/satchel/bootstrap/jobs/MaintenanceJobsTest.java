package dev.satchel.bootstrap.jobs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.satchel.adapters.persistence.lock.PostgresAdvisoryLock;
import dev.satchel.bootstrap.AdjustableClock;
import dev.satchel.bootstrap.Api;
import dev.satchel.bootstrap.Db;
import dev.satchel.bootstrap.TestEnvironmentResource;
import dev.satchel.bootstrap.Uploads;
import dev.satchel.domain.storage.BlobStorage;
import dev.satchel.domain.storage.StorageKey;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = TestEnvironmentResource.class, scope = TestResourceScope.GLOBAL)
class MaintenanceJobsTest {
  @Inject MaintenanceJobs jobs;
  @Inject BlobStorage blobs;
  @Inject PostgresAdvisoryLock lock;

  @AfterEach
  void realTime() {
    AdjustableClock.reset();
  }

  private boolean blobExists(StorageKey key) {
    List<StorageKey> all = new ArrayList<>();
    blobs.forEachKeyOlderThan(Instant.now().plus(Duration.ofDays(1)), all::add);
    return all.contains(key);
  }

  @Test
  void deadLinksArePurgedAfterTheGracePeriodAndLiveOnesStay() throws Exception {
    String token = Api.newUserToken();
    String fileId = Uploads.uploadedId(token, "a.txt", new byte[] {1});
    String dying = Api.as(token).contentType(ContentType.JSON).body("{\"expires_in\": 60}")
        .when().post("/files/" + fileId + "/share").path("share_id");
    String living = Api.as(token).contentType(ContentType.JSON).body("{\"expires_in\": 2592000}")
        .when().post("/files/" + fileId + "/share").path("share_id");

    AdjustableClock.advance(Duration.ofDays(29)); // expired, but still inside the 30-day grace
    jobs.purgeDeadShares();
    assertThat(Db.queryString("SELECT count(*) FROM satchel.share_links WHERE id = ?::uuid", dying)).isEqualTo("1");

    AdjustableClock.advance(Duration.ofDays(2));
    OptionalInt removed = jobs.purgeDeadShares();

    assertThat(removed).isPresent();
    assertThat(Db.queryString("SELECT count(*) FROM satchel.share_links WHERE id = ?::uuid", dying)).isEqualTo("0");
    assertThat(Db.queryString("SELECT count(*) FROM satchel.share_links WHERE id = ?::uuid", living)).isEqualTo("1");
    assertThat(Db.queryString("SELECT count(*) FROM satchel.files WHERE id = ?::uuid", fileId)).isEqualTo("1");
  }

  @Test
  void orphanBlobsAreSweptOnlyOnceOlderThanTheSafetyWindow() {
    String token = Api.newUserToken();
    String fileId = Uploads.uploadedId(token, "kept.txt", new byte[] {1, 2});
    StorageKey orphan = StorageKey.forBlob(UUID.randomUUID());
    blobs.write(orphan, new ByteArrayInputStream(new byte[] {9}), OptionalLong.of(1));

    jobs.sweepOrphanBlobs();
    assertThat(blobExists(orphan)).as("an upload may still be writing its row").isTrue();

    AdjustableClock.advance(Duration.ofHours(7));
    assertThat(jobs.sweepOrphanBlobs()).isPresent();

    assertThat(blobExists(orphan)).isFalse();
    Api.as(token).when().get("/files/" + fileId + "/content").then().statusCode(200);
  }

  @Test
  void deletedFilesTombstonesGoOnceNoLinkNeedsThem() throws Exception {
    String token = Api.newUserToken();
    String fileId = Uploads.uploadedId(token, "gone.txt", new byte[] {1});
    Api.as(token).contentType(ContentType.JSON).body("{\"expires_in\": 60}").when().post("/files/" + fileId + "/share")
        .then().statusCode(201);
    Api.as(token).when().delete("/files/" + fileId).then().statusCode(204);

    AdjustableClock.advance(Duration.ofDays(31));
    jobs.purgeDeadShares();

    assertThat(Db.queryString("SELECT count(*) FROM satchel.files WHERE id = ?::uuid", fileId)).isEqualTo("0");
  }

  @Test
  void twoReplicasRacingForAJobLetOnlyOneRunIt() throws Exception {
    CountDownLatch bothTried = new CountDownLatch(1);
    CountDownLatch firstInside = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<OptionalInt> first = pool.submit(() -> lock.runExclusively(4242L, () -> {
        firstInside.countDown();
        try {
          bothTried.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return 7;
      }));
      assertThat(firstInside.await(10, TimeUnit.SECONDS)).isTrue();
      OptionalInt second = pool.submit(() -> lock.runExclusively(4242L, () -> 8)).get(10, TimeUnit.SECONDS);
      bothTried.countDown();

      assertThat(first.get(10, TimeUnit.SECONDS)).hasValue(7);
      assertThat(second).isEmpty();
      assertThat(lock.runExclusively(4242L, () -> 9)).hasValue(9);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void jobRunsAreMeasured() {
    jobs.purgeDeadShares();
    given().when().get("/q/metrics").then().statusCode(200)
        .body(org.hamcrest.Matchers.containsString("satchel_job_duration_seconds_count{job=\"purge-dead-shares\""));
  }
}
