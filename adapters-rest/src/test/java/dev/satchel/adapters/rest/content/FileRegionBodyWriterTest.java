package dev.satchel.adapters.rest.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
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
    });
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

  private static HttpResponse<byte[]> get(String name, long offset, int length) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + server.actualPort() + "/" + name + "/" + offset + "/" + length);
    return CLIENT.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }
}
