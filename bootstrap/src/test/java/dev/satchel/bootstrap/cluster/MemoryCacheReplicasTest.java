package dev.satchel.bootstrap.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.satchel.adapters.persistence.cache.ClusterCoherentMetadataCache;
import dev.satchel.adapters.persistence.cache.InMemoryMetadataCache;
import dev.satchel.adapters.persistence.cluster.PostgresClusterNotifier;
import dev.satchel.bootstrap.Api;
import dev.satchel.bootstrap.Db;
import dev.satchel.bootstrap.Metrics;
import dev.satchel.bootstrap.TestEnvironmentResource;
import dev.satchel.bootstrap.wiring.BackendProducers;
import dev.satchel.domain.cache.MetadataCache;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Two replicas with the memory cache (the default): evictions travel through PostgreSQL
 * LISTEN/NOTIFY, and a replica that lost its listener forgets everything it cached.
 */
@QuarkusTest
@WithTestResource(value = TestEnvironmentResource.class, scope = TestResourceScope.GLOBAL)
class MemoryCacheReplicasTest extends ReplicasContract {
  private static PostgresClusterNotifier notifierOfB;
  private static ClusterCoherentMetadataCache cacheOfB;

  @Inject DataSource dataSource;

  @Override
  MetadataCache secondReplicaCache() {
    if (cacheOfB == null) {
      Config config = ConfigProvider.getConfig();
      Properties connection = new Properties();
      connection.setProperty("user", config.getValue("quarkus.datasource.username", String.class));
      connection.setProperty("password", config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
      notifierOfB = PostgresClusterNotifier.start(dataSource, new PostgresClusterNotifier.Settings(
          config.getValue("quarkus.datasource.jdbc.url", String.class), connection, "satchel-listener-b",
          Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofSeconds(1)), "replica-b-" + UUID.randomUUID());
      cacheOfB = new ClusterCoherentMetadataCache(new InMemoryMetadataCache(Duration.ofMinutes(5), 1000), notifierOfB);
    }
    Awaitility.await().atMost(Duration.ofSeconds(5)).until(cacheOfB::isCoherent);
    return cacheOfB;
  }

  @AfterAll
  static void stopReplicaB() {
    if (notifierOfB != null) {
      notifierOfB.close();
    }
  }

  @Test
  void lostListenerConnectionEmptiesTheCacheOfA() throws SQLException {
    Api.as(token).when().get("/files/" + fileId).then().statusCode(200);
    Api.as(token).when().get("/files/" + fileId).then().statusCode(200);
    // A change no replica announces: A keeps serving its copy, as any cache would.
    Db.update("UPDATE satchel.files SET deleted_at = now() WHERE id = ?", UUID.fromString(fileId));
    Api.as(token).when().get("/files/" + fileId).then().statusCode(200);
    double reconnects = Metrics.value("satchel_cluster_listener_reconnects_total");

    assertThat(Db.queryString("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
        + " WHERE application_name = ? AND datname = current_database()", BackendProducers.CLUSTER_LISTENER_NAME))
        .isEqualTo("1");

    Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
        .until(() -> Metrics.value("satchel_cluster_listener_reconnects_total") > reconnects);
    Api.as(token).when().get("/files/" + fileId).then().statusCode(404);
    assertThat(Metrics.value("satchel_cluster_listener_connected")).isEqualTo(1.0);
  }

  @Test
  void evictionsSentAndReceivedAreCounted() {
    double received = Metrics.value("satchel_cluster_messages_total", "direction=\"received\"");
    double published = Metrics.value("satchel_cluster_messages_total", "direction=\"published\"");

    b.deleteFile.delete(owner, fileId()); // the file and its link: two evictions
    Api.as(token).when().delete("/shares/" + shareId).then().statusCode(204);

    await().untilAsserted(() -> assertThat(Metrics.value("satchel_cluster_messages_total", "direction=\"received\""))
        .isGreaterThanOrEqualTo(received + 2));
    assertThat(Metrics.value("satchel_cluster_messages_total", "direction=\"published\"")).isGreaterThan(published);
  }
}
