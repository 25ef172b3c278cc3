package dev.satchel.bootstrap.cluster;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * One more instance of the packaged application ({@code target/quarkus-app/quarkus-run.jar}, what
 * users deploy), started as its own JVM with the given settings on a free port; its output goes
 * to {@code target/<name>.log}.
 */
final class PackagedReplica implements AutoCloseable {
  private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

  private final Process process;
  private final int port;

  private PackagedReplica(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts the jar; call {@link #awaitReady()} before sending requests. */
  static PackagedReplica start(String name, Map<String, String> settings) {
    if (!Files.isRegularFile(JAR)) {
      throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run through 'mvn verify' (after package)");
    }
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-Dquarkus.profile=test");
    command.add("-Dquarkus.http.port=" + port);
    command.add("-Dquarkus.shutdown.delay-enabled=false");
    settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.add("-jar");
    command.add(JAR.toString());
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(Path.of("target", name + ".log").toFile()).start();
      return new PackagedReplica(process, port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits for readiness; two JVMs starting at once on a busy 2-core machine took 70 s. */
  void awaitReady() {
    Awaitility.await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250))
        .until(() -> {
          if (!process.isAlive()) {
            throw new IllegalStateException("replica on port " + port + " exited with " + process.exitValue());
          }
          try {
            return request().get("/q/health/ready").statusCode() == 200;
          } catch (Exception notListeningYet) {
            // RestAssured throws ConnectException without declaring it
            return false;
          }
        });
  }

  /** Where this instance listens, {@code http://127.0.0.1:<port>}. */
  URI base() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** A request to this instance. */
  RequestSpecification request() {
    return given().baseUri("http://127.0.0.1").port(port);
  }

  RequestSpecification as(String bearer) {
    return request().header("Authorization", "Bearer " + bearer);
  }

  /** Kills the process without warning (SIGKILL), as a crash or an OOM kill would. */
  void crash() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /** The port this instance listens on. */
  int port() {
    return port;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy(); // SIGTERM: the graceful shutdown users get
    if (!process.waitFor(40, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
