package dev.satchel.bootstrap.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.satchel.bootstrap.TestEnvironmentResource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.SoftAssertions;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * RFC 9112 §3.2 on the packaged jar as deployed (prod profile): a missing, repeated or malformed
 * Host is a 400 problem+json, and not an ERROR line per request. Before, Quarkus' error handler
 * answered a text page and logged an error id for each one, without any credential needed.
 */
class HostHeaderIT {
  private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

  @Test
  void aMissingRepeatedOrMalformedHostIsA400ProblemAndNoErrorIsLogged() throws Exception {
    TestEnvironmentResource environment = new TestEnvironmentResource();
    Map<String, String> settings = environment.start();
    Path log = Files.createTempFile("satchel-host-", ".log");
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-Dquarkus.http.port=" + port);
    settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.add("-jar");
    command.add(JAR.toString());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
          .until(() -> statusLine(port, "GET /q/health/live HTTP/1.1\r\nHost: localhost\r\n").contains(" 200 "));

      SoftAssertions soft = new SoftAssertions();
      List<String> hosts = List.of("", "Host: a b\r\n", "Host: example.com:abc\r\n", "Host: [::1]x\r\n",
          "Host: evil@good\r\n", "Host: \u00fcnicode.example\r\n", "Host: a\r\nHost: b\r\n", "Host:\r\n");
      for (String path : List.of("/q/health/live", "/login", "/files", "/share/nothing", "/uploads")) {
        for (String host : hosts) {
          String answer = exchange(port, "GET " + path + " HTTP/1.1\r\n" + host);
          soft.assertThat(answer).as("%s with [%s]", path, host.strip())
              .startsWith("HTTP/1.1 400 ")
              .containsIgnoringCase("content-type: application/problem+json")
              .contains("\"code\":\"invalid-host\"");
        }
      }
      soft.assertThat(statusLine(port, "GET /q/health/live HTTP/1.1\r\nHost: files.example.org:8443\r\n"))
          .contains(" 200 ");
      // HTTP/1.0 has no Host requirement (RFC 9112 §3.2 binds HTTP/1.1): HAProxy's default
      // "option httpchk" probe sends none, and the health routes answer it. The API, which needs
      // a host to build its URIs, keeps the 400; a malformed Host is refused either way.
      soft.assertThat(statusLine(port, "GET /q/health/live HTTP/1.0\r\n")).contains(" 200 ");
      soft.assertThat(statusLine(port, "GET /q/health/ready HTTP/1.0\r\n")).contains(" 200 ");
      soft.assertThat(exchange(port, "GET /files HTTP/1.0\r\n")).contains(" 400 ").contains("invalid-host");
      soft.assertThat(statusLine(port, "GET /q/health/live HTTP/1.0\r\nHost: a b\r\n")).contains(" 400 ");
      soft.assertAll();
      assertThat(Files.readAllLines(log)).noneMatch(line -> line.contains(" ERROR "));
    } finally {
      process.destroy();
      if (!process.waitFor(40, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
      environment.stop();
      Files.deleteIfExists(log);
    }
  }

  private static String statusLine(int port, String head) {
    try {
      String answer = exchange(port, head);
      return answer.lines().findFirst().orElse("");
    } catch (IOException notListeningYet) {
      return "";
    }
  }

  private static String exchange(int port, String head) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write((head + "Connection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      in.transferTo(all);
      return all.toString(StandardCharsets.UTF_8);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
