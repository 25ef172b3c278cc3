package dev.satchel.bootstrap;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Gives each test run its own database on the real PostgreSQL (created before Satchel starts and
 * dropped after, so runs never see each other's data), its own blob directory, Redis key prefix
 * and token signing key. Server and credentials come from
 * SATCHEL_TEST_PG_HOST/PORT/USER/PASSWORD, defaulting to the local trust-auth server.
 */
public class TestEnvironmentResource implements QuarkusTestResourceLifecycleManager {
  private static final String HOST = env("SATCHEL_TEST_PG_HOST", "127.0.0.1");
  private static final String PORT = env("SATCHEL_TEST_PG_PORT", "5432");
  private static final String USER = env("SATCHEL_TEST_PG_USER", "postgres");
  private static final String PASSWORD = env("SATCHEL_TEST_PG_PASSWORD", "");

  private String database;
  private TcpProxy databaseProxy;
  private String signingSecret;

  @Override
  public Map<String, String> start() {
    database = "satchel_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
    execute("CREATE DATABASE " + database);
    signingSecret = randomSecret();
    try {
      databaseProxy = new TcpProxy(HOST, Integer.parseInt(PORT));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return Map.of(
        // Satchel reaches PostgreSQL through a relay that outage tests can cut.
        "quarkus.datasource.jdbc.url", jdbcUrl("127.0.0.1", Integer.toString(databaseProxy.port()), database),
        "quarkus.datasource.username", USER,
        "quarkus.datasource.password", PASSWORD,
        "satchel.storage.local.path", blobDirectory(),
        "satchel.cache.key-prefix", "satchel-test-" + database + ":",
        "satchel.jwt.secret", signingSecret);
  }

  @Override
  public void inject(TestInjector injector) {
    injector.injectIntoFields(databaseProxy,
        new TestInjector.AnnotatedAndMatchesType(DatabaseRelay.class, TcpProxy.class));
    injector.injectIntoFields(signingSecret,
        new TestInjector.AnnotatedAndMatchesType(SigningSecret.class, String.class));
  }

  @Override
  public void stop() {
    if (databaseProxy != null) {
      try {
        databaseProxy.close();
      } catch (java.io.IOException ignored) {
        // the JVM is about to end the test run
      }
    }
    if (database != null) {
      execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
  }

  private String blobDirectory() {
    try {
      return java.nio.file.Files.createTempDirectory("satchel-blobs-").toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String randomSecret() {
    byte[] key = new byte[48];
    new java.security.SecureRandom().nextBytes(key);
    return java.util.Base64.getEncoder().encodeToString(key);
  }

  public static String jdbcUrl(String host, String port, String database) {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  public static String host() {
    return HOST;
  }

  public static int port() {
    return Integer.parseInt(PORT);
  }

  public static String user() {
    return USER;
  }

  public static String password() {
    return PASSWORD;
  }

  private static void execute(String sql) {
    try (Connection connection = DriverManager.getConnection(jdbcUrl(HOST, PORT, "postgres"), USER, PASSWORD);
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
