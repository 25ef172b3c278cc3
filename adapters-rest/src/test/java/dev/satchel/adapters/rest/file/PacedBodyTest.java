package dev.satchel.adapters.rest.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.satchel.domain.error.UploadTimedOut;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PacedBodyTest {
  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
  private static final UploadPacing PACING =
      new UploadPacing(Duration.ofSeconds(3), 100, Duration.ofSeconds(5), 4, 10, Duration.ofSeconds(10));

  private final AtomicLong now = new AtomicLong(1_000 * SECOND);
  private final ExecutorService readers = Executors.newSingleThreadExecutor();

  @AfterEach
  void stopReaders() {
    readers.shutdownNow();
  }

  /** A client that sends {@code bytesPerRead} bytes after making the reader wait {@code wait}. */
  private InputStream client(int bytesPerRead, long waitNanos) {
    return new InputStream() {
      @Override
      public int read() {
        throw new UnsupportedOperationException();
      }

      @Override
      public int read(byte[] b, int off, int len) {
        now.addAndGet(waitNanos);
        int n = Math.min(len, bytesPerRead);
        java.util.Arrays.fill(b, off, off + n, (byte) 'x');
        return n;
      }
    };
  }

  @Test
  void clientThatSendsNothingIsStoppedAtTheReadTimeoutAndTheBlockedReadWakesUp() throws Exception {
    PipedInputStream silent = new PipedInputStream(new PipedOutputStream());
    PacedBody body = new PacedBody(silent, PACING, now::get);
    Future<Boolean> reading = readers.submit(() -> {
      try {
        body.read(new byte[10], 0, 10);
        return null;
      } catch (PacedBody.Stopped e) {
        return Thread.currentThread().isInterrupted();
      }
    });
    Awaitility.await().atMost(Duration.ofSeconds(5)).until(body::waitingForClient);

    now.addAndGet(3 * SECOND - 1);
    assertThat(body.check(now.get())).isFalse();
    now.addAndGet(1);
    assertThat(body.check(now.get())).isTrue();

    assertThat(reading.get(5, TimeUnit.SECONDS)).as("interrupt left on the thread").isFalse();
    assertThat(body.explain(new IllegalStateException("wrapped by the upload")))
        .isInstanceOf(UploadTimedOut.class)
        .hasMessageContaining("3 seconds");
  }

  @Test
  void trickleBelowTheMinimumRateIsStoppedAfterOneWindow() throws IOException {
    PacedBody body = new PacedBody(client(1, SECOND), PACING, now::get);
    byte[] buffer = new byte[1024];
    for (int i = 0; i < 4; i++) {
      body.read(buffer, 0, buffer.length);
      assertThat(body.check(now.get())).isFalse();
    }
    body.read(buffer, 0, buffer.length);

    assertThat(body.check(now.get())).isTrue();
    assertThatThrownBy(() -> body.read(buffer, 0, buffer.length)).isInstanceOf(PacedBody.Stopped.class);
    assertThat(body.explain(new IllegalStateException())).isInstanceOf(UploadTimedOut.class)
        .hasMessageContaining("100 bytes per second");
  }

  @Test
  void clientAtTheMinimumRateIsJudgedWindowByWindowAndKeptGoing() throws IOException {
    PacedBody body = new PacedBody(client(100, SECOND), PACING, now::get);
    byte[] buffer = new byte[1024];
    for (int i = 0; i < 60; i++) {
      assertThat(body.read(buffer, 0, buffer.length)).isEqualTo(100);
      assertThat(body.check(now.get())).isFalse();
    }
  }

  @Test
  void timeSpentOutsideReadsNeverCountsAgainstTheClient() throws IOException {
    PacedBody body = new PacedBody(client(10, 1), PACING, now::get);
    byte[] buffer = new byte[1024];
    for (int i = 0; i < 20; i++) {
      body.read(buffer, 0, buffer.length);
      now.addAndGet(10 * SECOND); // a slow store, not the client
      assertThat(body.check(now.get())).isFalse();
    }
  }

  @Test
  void failureOfAnUnstoppedUploadIsReportedUnchanged() throws IOException {
    PacedBody body = new PacedBody(client(1, SECOND), PACING, now::get);
    body.read(new byte[1], 0, 1);
    RuntimeException storeFailure = new IllegalStateException("store broke");

    assertThat(body.explain(storeFailure)).isSameAs(storeFailure);
  }

  @Test
  void checksAfterTheUploadFinishedStopNothing() throws IOException {
    PacedBody body = new PacedBody(client(1, 10 * SECOND), PACING, now::get);
    body.read(new byte[1], 0, 1);
    body.finish();

    assertThat(body.check(now.get())).isTrue();
    RuntimeException storeFailure = new IllegalStateException("store broke");
    assertThat(body.explain(storeFailure)).isSameAs(storeFailure);
  }

  @Test
  void endOfBodyIsPassedOnAndNeverStopped() throws Exception {
    PipedOutputStream client = new PipedOutputStream();
    PacedBody body = new PacedBody(new PipedInputStream(client), PACING, now::get);
    client.write(new byte[] {1, 2});
    client.close();

    assertThat(body.readAllBytes()).containsExactly(1, 2);
    now.addAndGet(60 * SECOND);
    assertThat(body.check(now.get())).isFalse();
  }
}
