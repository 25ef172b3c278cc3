package dev.satchel.adapters.rest.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.PoolArenaMetric;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Both ways a local file region leaves Satchel (one read for a small region, sendfile for a
 * larger one), on a real Vert.x server and a real HTTP client: the exact bytes of the region, and
 * a reset rather than a hung client when the file is gone or shorter than the promised length.
 */
class FileRegionBodyWriterTest {
  private static final int SMALL = FileRegionBodyWriter.SMALL_REGION;
  private static final int FILE_SIZE = 3 * SMALL;

  @TempDir static Path dir;
  private static Vertx vertx;
  private static HttpServer server;
  private static Path file;
  private static byte[] content;
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() throws Exception {
    content = new byte[FILE_SIZE];
    new Random(7).nextBytes(content);
    file = Files.write(dir.resolve("blob"), content);
    vertx = Vertx.vertx();
    server = vertx.createHttpServer()
        .requestHandler(FileRegionBodyWriterTest::serve)
        .listen(0, "127.0.0.1")
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  // GET /{file name}/{offset}/{length}: the region, sent from a worker thread as Quarkus REST does.
  private static void serve(HttpServerRequest request) {
    String[] parts = request.path().split("/");
    FileRegionBody body = new FileRegionBody(dir.resolve(parts[1]), Long.parseLong(parts[2]), Long.parseLong(parts[3]));
    request.response().putHeader("Content-Length", Long.toString(body.length()));
    vertx.executeBlocking(() -> {
      FileRegionBodyWriter.send(body, request.response());
      return null;
    }, false); // unordered, as Quarkus REST runs blocking requests on its worker pool
  }

  @ParameterizedTest(name = "offset {0}, length {1}")
  @CsvSource({
      "0, 1",
      "0, 1000",
      "1, 4095",
      "12345, 4096",
      "0, " + SMALL,
      "1, " + SMALL,
      "0, " + (SMALL + 1),
      "7, " + (SMALL + 1),
      "0, " + FILE_SIZE,
      "100, " + (FILE_SIZE - 100),
      (FILE_SIZE - 1) + ", 1",
  })
  void sendsExactlyTheRegion(long offset, int length) throws Exception {
    HttpResponse<byte[]> answer = get("blob", offset, length);

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).hasSize(length);
    assertThat(Arrays.equals(answer.body(), Arrays.copyOfRange(content, (int) offset, (int) offset + length)))
        .as("the bytes of the region").isTrue();
  }

  @ParameterizedTest(name = "length {0}")
  @CsvSource({"100", "65536", "65537", "200000"})
  void aFileThatIsGoneResetsTheConnection(int length) {
    assertThatThrownBy(() -> get("no-such-blob", 0, length))
        .isInstanceOf(IOException.class).isNotInstanceOf(HttpTimeoutException.class);
  }

  @ParameterizedTest(name = "length {0}")
  @CsvSource({"100", "65536"})
  void aFileShorterThanTheRegionResetsTheConnection(int length) throws Exception {
    Files.write(dir.resolve("short"), Arrays.copyOf(content, length - 1));

    assertThatThrownBy(() -> get("short", 0, length))
        .isInstanceOf(IOException.class).isNotInstanceOf(HttpTimeoutException.class);
  }

  @Test
  void manySmallRegionsInARowLeaveTheConnectionUsable() throws Exception {
    for (int i = 0; i < 200; i++) {
      int offset = i * 97;
      HttpResponse<byte[]> answer = get("blob", offset, 1 + i * 300);
      assertThat(Arrays.equals(answer.body(), Arrays.copyOfRange(content, offset, offset + 1 + i * 300)))
          .as("response %d", i).isTrue();
    }
  }

  /**
   * Sixteen full-size regions at once, five times over: every buffer goes back once written, and
   * the chunk they came from is kept rather than freed and allocated (and zeroed) again per burst.
   */
  @Test
  void burstsOfFullSizeRegionsReleaseEveryBufferAndKeepTheirChunk() throws Exception {
    long kept = -1;
    for (int burst = 0; burst < 5; burst++) {
      List<CompletableFuture<HttpResponse<byte[]>>> answers = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        answers.add(getAsync("blob", i, SMALL));
      }
      for (int i = 0; i < answers.size(); i++) {
        byte[] body = answers.get(i).get(10, TimeUnit.SECONDS).body();
        assertThat(Arrays.equals(body, Arrays.copyOfRange(content, i, i + SMALL))).as("response %d", i).isTrue();
      }
      Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> activeAllocations() == 0);
      long used = FileRegionBodyWriter.REGIONS.metric().usedDirectMemory();
      assertThat(used).as("memory kept after burst %d", burst).isPositive();
      if (kept >= 0) {
        assertThat(used).as("memory after burst %d", burst).isEqualTo(kept);
      }
      kept = used;
    }
  }

  private static long activeAllocations() {
    return FileRegionBodyWriter.REGIONS.metric().directArenas().stream()
        .mapToLong(PoolArenaMetric::numActiveAllocations).sum();
  }

  private static CompletableFuture<HttpResponse<byte[]>> getAsync(String name, long offset, int length) {
    URI uri = URI.create("http://127.0.0.1:" + server.actualPort() + "/" + name + "/" + offset + "/" + length);
    return CLIENT.sendAsync(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private static HttpResponse<byte[]> get(String name, long offset, int length) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + server.actualPort() + "/" + name + "/" + offset + "/" + length);
    return CLIENT.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }
}
