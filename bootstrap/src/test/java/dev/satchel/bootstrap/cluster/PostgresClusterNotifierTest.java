package dev.satchel.bootstrap.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.satchel.adapters.persistence.cluster.PostgresClusterNotifier;
import dev.satchel.bootstrap.TestEnvironmentResource;
import dev.satchel.domain.cluster.ClusterNotifier;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.ds.PGSimpleDataSource;

/** The LISTEN/NOTIFY notifier against the real PostgreSQL: delivery, self-skip, lost connections. */
class PostgresClusterNotifierTest {
  private static final Duration WITHIN = Duration.ofSeconds(2);

  // A topic and listener names of this test's own, so parallel runs on the server never mix.
  private final String topic = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
  private final List<PostgresClusterNotifier> started = new ArrayList<>();

  @AfterEach
  void stop() {
    started.forEach(PostgresClusterNotifier::close);
  }

  @Test
  void messageReachesTheOtherReplicaButNotItsSender() {
    Recorder onA = new Recorder();
    Recorder onB = new Recorder();
    PostgresClusterNotifier a = start("a", onA);
    PostgresClusterNotifier b = start("b", onB);
    awaitConnected(onA, onB);

    assertThat(a.publish(topic, "file:1")).isTrue();
    assertThat(b.publish(topic, "share:2")).isTrue();

    Awaitility.await().atMost(WITHIN).until(() -> onB.messages.contains("file:1") && onA.messages.contains("share:2"));
    // PostgreSQL delivers in commit order: a's own message would have come before b's.
    assertThat(onA.messages).containsExactly("share:2");
    assertThat(onB.messages).containsExactly("file:1");
  }

  @Test
  void killedListenerConnectionIsReportedAndReplaced() throws SQLException {
    Recorder onB = new Recorder();
    PostgresClusterNotifier a = start("a", new Recorder());
    start("b", onB);
    awaitConnected(onB);

    assertThat(terminate(listenerName("b"))).isEqualTo(1);

    Awaitility.await().atMost(WITHIN).until(() -> onB.events.contains("disconnected"));
    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> onB.events.equals(
        List.of("connected", "disconnected", "connected")));
    a.publish(topic, "after");
    Awaitility.await().atMost(WITHIN).until(() -> onB.messages.contains("after"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Cache", "cache;drop table x", "cache notify", "a-b", "\"quoted\"", "é",
      "abcdefghijklmnopqrstuvwxyz0123456"})
  void topicsThatAreNotPlainIdentifiersAreRefused(String hostile) {
    PostgresClusterNotifier a = start("a", new Recorder());

    assertThatThrownBy(() -> a.publish(hostile, "x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> a.subscribe(hostile, new Recorder())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void oversizedMessageIsRefusedBeforeReachingPostgres() {
    PostgresClusterNotifier a = start("a", new Recorder());

    assertThatThrownBy(() -> a.publish(topic, "x".repeat(4001))).isInstanceOf(IllegalArgumentException.class);
    assertThat(a.publish(topic, "x".repeat(4000))).isTrue();
  }

  @Test
  void unreachableDatabaseMakesPublishReportFalseInsteadOfThrowing() throws Exception {
    int closedPort;
    try (var socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    PGSimpleDataSource nowhere = new PGSimpleDataSource();
    nowhere.setURL(TestEnvironmentResource.jdbcUrl("127.0.0.1", Integer.toString(closedPort), "postgres"));
    nowhere.setConnectTimeout(1);
    Recorder recorder = new Recorder();
    PostgresClusterNotifier lonely = PostgresClusterNotifier.start(nowhere, settings(
        TestEnvironmentResource.jdbcUrl("127.0.0.1", Integer.toString(closedPort), "postgres"), "x"), "lonely");
    started.add(lonely);
    lonely.subscribe(topic, recorder);

    assertThat(lonely.publish(topic, "lost")).isFalse();
    assertThat(recorder.events).isEmpty();
  }

  private PostgresClusterNotifier start(String replica, Recorder recorder) {
    PGSimpleDataSource publisher = new PGSimpleDataSource();
    publisher.setURL(url());
    publisher.setUser(TestEnvironmentResource.user());
    publisher.setPassword(TestEnvironmentResource.password());
    PostgresClusterNotifier notifier =
        PostgresClusterNotifier.start(publisher, settings(url(), listenerName(replica)), replica);
    started.add(notifier);
    notifier.subscribe(topic, recorder);
    return notifier;
  }

  private static PostgresClusterNotifier.Settings settings(String url, String applicationName) {
    Properties connection = new Properties();
    connection.setProperty("user", TestEnvironmentResource.user());
    connection.setProperty("password", TestEnvironmentResource.password());
    connection.setProperty("connectTimeout", "2");
    return new PostgresClusterNotifier.Settings(url, connection, applicationName, Duration.ofMillis(200),
        Duration.ofSeconds(5), Duration.ofMillis(200));
  }

  private String listenerName(String replica) {
    return "test-" + topic + "-" + replica;
  }

  private static String url() {
    return TestEnvironmentResource.jdbcUrl(
        TestEnvironmentResource.host(), Integer.toString(TestEnvironmentResource.port()), "postgres");
  }

  private static int terminate(String applicationName) throws SQLException {
    try (Connection admin = DriverManager.getConnection(url(), TestEnvironmentResource.user(),
            TestEnvironmentResource.password());
        PreparedStatement kill = admin.prepareStatement(
            "SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                + " WHERE application_name = ?) killed")) {
      kill.setString(1, applicationName);
      try (var rows = kill.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }

  private static void awaitConnected(Recorder... recorders) {
    Awaitility.await().atMost(WITHIN).until(() -> java.util.Arrays.stream(recorders)
        .allMatch(r -> r.events.contains("connected")));
  }

  /** Keeps what a subscriber was told, in order. */
  private static final class Recorder implements ClusterNotifier.Subscriber {
    final List<String> messages = new CopyOnWriteArrayList<>();
    final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void onMessage(String message) {
      messages.add(message);
    }

    @Override
    public void onConnected() {
      events.add("connected");
    }

    @Override
    public void onDisconnected() {
      events.add("disconnected");
    }
  }
}
