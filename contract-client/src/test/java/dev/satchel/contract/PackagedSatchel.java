package dev.satchel.contract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged application ({@code bootstrap/target/quarkus-app/quarkus-run.jar}) running in its own
 * JVM on a free port, against a database of its own on the real PostgreSQL (created here, dropped
 * on close), local storage in a temporary directory, and a fresh signing key. The server and
 * credentials come from SATCHEL_TEST_PG_HOST/PORT/USER/PASSWORD, as for bootstrap's tests.
 */
final class PackagedSatchel implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("Listening on: http://[^\\s:]+:(\\d+)");
  private static final String PG_HOST = env("SATCHEL_TEST_PG_HOST", "127.0.0.1");
  private static final String PG_PORT = env("SATCHEL_TEST_PG_PORT", "5432");
  private static final String PG_USER = env("SATCHEL_TEST_PG_USER", "postgres");
  private static final String PG_PASSWORD = env("SATCHEL_TEST_PG_PASSWORD", "");

  private final String database;
  private final Process process;
  private final String baseUri;

  private PackagedSatchel(String database, Process process, int port) {
    this.database = database;
    this.process = process;
    this.baseUri = "http://127.0.0.1:" + port;
  }

  /** Starts the jar named by the {@code satchel.app.jar} system property and waits until it listens. */
  static PackagedSatchel start() throws IOException {
    Path jar = Path.of(System.getProperty("satchel.app.jar", "../bootstrap/target/quarkus-app/quarkus-run.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: package bootstrap first (this module runs in verify)");
    }
    String database = "satchel_contract_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16)
        .toLowerCase(Locale.ROOT);
    execute("CREATE DATABASE " + database);
    byte[] secret = new byte[48];
    new SecureRandom().nextBytes(secret);
    Process process = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dquarkus.http.host=127.0.0.1",
        "-Dquarkus.http.port=0",
        "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/" + database,
        "-Dquarkus.datasource.username=" + PG_USER,
        "-Dquarkus.datasource.password=" + PG_PASSWORD,
        "-Dsatchel.storage.local.path=" + Files.createTempDirectory("satchel-contract-blobs-"),
        "-Dsatchel.cache.type=memory",
        "-Dsatchel.jobs.enabled=false",
        "-Dsatchel.public-base-url=http://public.example",
        "-Dsatchel.jwt.secret=" + Base64.getEncoder().encodeToString(secret),
        "-jar", jar.toString())
        .redirectErrorStream(true)
        .start();
    try {
      CompletableFuture<Integer> port = new CompletableFuture<>();
      // The app's log goes on being drained (so it never blocks on a full pipe) until it exits.
      Thread.ofVirtual().start(() -> readOutput(process, port));
      return new PackagedSatchel(database, process, port.get(90, TimeUnit.SECONDS));
    } catch (InterruptedException | ExecutionException | TimeoutException e) {
      process.destroyForcibly();
      execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      throw new IllegalStateException("Satchel did not start listening within 90 s", e);
    }
  }

  private static void readOutput(Process process, CompletableFuture<Integer> port) {
    List<String> lines = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!port.isDone()) {
          lines.add(line);
        }
        Matcher listening = LISTENING.matcher(line);
        if (listening.find()) {
          port.complete(Integer.parseInt(listening.group(1)));
        }
      }
      port.completeExceptionally(new IllegalStateException("Satchel exited:\n" + String.join("\n", lines)));
    } catch (IOException e) {
      port.completeExceptionally(e);
    }
  }

  String baseUri() {
    return baseUri;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
  }

  private static void execute(String sql) {
    try (Connection connection = DriverManager.getConnection(
            "jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/postgres", PG_USER, PG_PASSWORD);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot prepare the test database: " + e.getMessage(), e);
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
