package dev.satchel.bootstrap.resumable;

import static dev.satchel.bootstrap.Uploads.randomBytes;
import static dev.satchel.bootstrap.Uploads.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.satchel.bootstrap.Api;
import dev.satchel.bootstrap.ConstrainedInstanceProfile;
import dev.satchel.bootstrap.Metrics;
import dev.satchel.bootstrap.TestEnvironmentResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A PATCH body that stalls is judged by the same upload gate as POST /upload: it ends with 408
 * after the read timeout, while it waits the service answers others at once, the bytes that did
 * arrive are kept, and the upload continues from there without a 409.
 */
@QuarkusTest
@TestProfile(ConstrainedInstanceProfile.class)
@WithTestResource(value = TestEnvironmentResource.class, scope = TestResourceScope.GLOBAL)
class SlowResumableUploadTest {
  private static final int ARRIVED = 100_000;

  @Test
  void aStalledPatchIs408KeepsWhatArrivedAndTheUploadContinues() throws Exception {
    String token = Api.newUserToken();
    byte[] content = randomBytes(300_000, 50);
    String url = Tus.create(token, content.length, "stalled.bin");
    double timedOutBefore = Metrics.value("satchel_uploads_timed_out_total");
    CountDownLatch never = new CountDownLatch(1);
    HttpClient http = HttpClient.newHttpClient();
    CompletableFuture<HttpResponse<String>> stalled = http.sendAsync(HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", "Bearer " + token).header("Tus-Resumable", "1.0.0")
        .header("Upload-Offset", "0").header("Content-Type", Tus.OFFSET_STREAM)
        .method("PATCH", HttpRequest.BodyPublishers.ofInputStream(() -> new StallingBody(content, never)))
        .build(), HttpResponse.BodyHandlers.ofString());

    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> Metrics.value("satchel_uploads_in_flight") >= 1);
    long started = System.nanoTime();
    Api.as(token).when().get("/files").then().statusCode(200);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));

    try {
      assertThat(stalled.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(408);
    } catch (ExecutionException connectionClosedWhileSending) {
      // The 408 closes the connection; a client still sending may see the close before the answer.
    }
    Awaitility.await().atMost(Duration.ofSeconds(10))
        .until(() -> Metrics.value("satchel_uploads_timed_out_total") > timedOutBefore);
    // The client sends its body in buffers; what reached the server before the stall is kept.
    int kept = (int) Tus.offset(token, url);
    assertThat(kept).isPositive().isLessThanOrEqualTo(ARRIVED);

    String fileId = Tus.patch(token, url, kept, Arrays.copyOfRange(content, kept, content.length))
        .then().statusCode(204).extract().header("Satchel-File-Id");
    Api.as(token).when().get("/files/" + fileId).then().statusCode(200)
        .body("checksum_sha256", equalTo(sha256(content)));
    never.countDown();
  }

  /** Sends the first {@link #ARRIVED} bytes, then nothing until the latch opens. */
  private static final class StallingBody extends InputStream {
    private final byte[] content;
    private final CountDownLatch release;
    private int position;

    StallingBody(byte[] content, CountDownLatch release) {
      this.content = content;
      this.release = release;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (position >= ARRIVED) {
        try {
          // Long past the 5 s read timeout, short enough not to keep the client's thread for long.
          release.await(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return -1;
      }
      int n = Math.min(length, ARRIVED - position);
      System.arraycopy(content, position, buffer, offset, n);
      position += n;
      return n;
    }
  }
}
