package dev.satchel.bootstrap.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.satchel.bootstrap.Api;
import dev.satchel.bootstrap.Db;
import dev.satchel.bootstrap.SmallQuotaProfile;
import dev.satchel.bootstrap.TestEnvironmentResource;
import dev.satchel.bootstrap.Uploads;
import dev.satchel.domain.storage.BlobStorage;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The per-user quota holds when one user's uploads arrive in parallel. */
@QuarkusTest
@TestProfile(SmallQuotaProfile.class)
@WithTestResource(value = TestEnvironmentResource.class, scope = TestResourceScope.GLOBAL)
class ConcurrentUploadQuotaTest {
  private static final int FILE_BYTES = 1000;
  private static final int UPLOADS = 16;

  @Inject BlobStorage blobs;

  @Test
  void parallelUploadsNeverTakeMoreThanTheQuotaAndRefusedOnesLeaveNothing() throws Exception {
    String token = Api.newUserToken();
    int blobsBefore = blobCount();
    int rowsBefore = rowCount();
    ExecutorService pool = Executors.newFixedThreadPool(UPLOADS);
    CountDownLatch start = new CountDownLatch(1);
    List<Integer> statuses = new ArrayList<>();
    try {
      List<Future<Response>> inFlight = new ArrayList<>();
      for (int i = 0; i < UPLOADS; i++) {
        byte[] content = Uploads.randomBytes(FILE_BYTES, i);
        String name = "part-" + i + ".bin";
        inFlight.add(pool.submit((Callable<Response>) () -> {
          start.await();
          return Uploads.upload(token, name, content);
        }));
      }
      start.countDown();
      for (Future<Response> upload : inFlight) {
        statuses.add(upload.get().statusCode());
      }
    } finally {
      pool.shutdownNow();
    }

    int fitting = (int) (SmallQuotaProfile.QUOTA_BYTES / FILE_BYTES);
    assertThat(statuses).filteredOn(s -> s == 201).hasSize(fitting);
    assertThat(statuses).filteredOn(s -> s == 507).hasSize(UPLOADS - fitting);
    long listed = Api.as(token).when().get("/files?limit=100").then().statusCode(200)
        .extract().jsonPath().getList("size", Long.class).stream().mapToLong(Long::longValue).sum();
    assertThat(listed).isEqualTo((long) fitting * FILE_BYTES).isLessThanOrEqualTo(SmallQuotaProfile.QUOTA_BYTES);
    assertThat(blobCount() - blobsBefore).as("blobs of refused uploads are removed").isEqualTo(fitting);
    assertThat(rowCount() - rowsBefore).as("refused uploads leave no row").isEqualTo(fitting);
  }

  private static int rowCount() throws Exception {
    return Integer.parseInt(Db.queryString("SELECT count(*) FROM satchel.files"));
  }

  private int blobCount() {
    AtomicInteger count = new AtomicInteger();
    blobs.forEachKeyOlderThan(Instant.now().plusSeconds(3600), key -> count.incrementAndGet());
    return count.get();
  }
}
