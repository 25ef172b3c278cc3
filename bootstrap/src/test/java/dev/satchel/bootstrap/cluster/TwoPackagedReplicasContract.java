package dev.satchel.bootstrap.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.satchel.bootstrap.Api;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two real instances of the packaged application, A and B, each its own JVM and HTTP server, on one
 * database and one blob directory: what one deletes, revokes or exhausts, the other (which had
 * it cached) refuses on every endpoint within a second, and no link is created on a deleted file.
 */
abstract class TwoPackagedReplicasContract {
  /** The intent is one second; the rest is headroom for a loaded two-core test machine. */
  private static final Duration WITHIN_A_SECOND = Duration.ofSeconds(2);

  private static PackagedReplicaPair replicas;
  static PackagedReplica a;
  static PackagedReplica b;

  private String token;
  private String fileId;
  private String shareToken;
  private String shareId;

  /** Starts both instances with the shared environment plus {@code cacheSettings}. */
  static void startReplicas(String name, Map<String, String> cacheSettings) {
    replicas = PackagedReplicaPair.start(name, cacheSettings);
    a = replicas.a;
    b = replicas.b;
  }

  @AfterAll
  static void stopReplicas() throws InterruptedException {
    if (replicas != null) {
      replicas.stop();
    }
  }

  @BeforeEach
  void fileSharedOnA() {
    String email = "user-" + UUID.randomUUID() + "@example.com";
    a.request().contentType(ContentType.JSON).body(Map.of("email", email, "password", Api.PASSWORD))
        .post("/register").then().statusCode(201);
    token = b.request().contentType(ContentType.JSON).body(Map.of("email", email, "password", Api.PASSWORD))
        .post("/login").then().statusCode(200).extract().path("access_token");
    fileId = a.as(token).multiPart("file", "replicated.txt", "on both".getBytes(StandardCharsets.UTF_8),
        "text/plain").post("/upload").then().statusCode(201).extract().path("file_id");
    var created = a.as(token).contentType(ContentType.JSON).body("{}").post("/files/" + fileId + "/share")
        .then().statusCode(201).extract();
    shareToken = created.path("token");
    shareId = created.path("share_id");
  }

  private static ConditionFactory await() {
    return Awaitility.await().atMost(WITHIN_A_SECOND).pollInterval(Duration.ofMillis(50));
  }

  @Test
  void fileDeletedOnAIsRefusedByEveryEndpointOfB() throws SQLException {
    warm(b);

    a.as(token).delete("/files/" + fileId).then().statusCode(204);

    await().untilAsserted(() -> {
      b.as(token).get("/files/" + fileId).then().statusCode(404);
      b.as(token).get("/files/" + fileId + "/content").then().statusCode(404);
      b.as(token).head("/files/" + fileId + "/content").then().statusCode(404);
      b.as(token).get("/files/" + fileId + "/shares").then().statusCode(404);
      b.as(token).contentType(ContentType.JSON).body("{}").post("/files/" + fileId + "/share").then().statusCode(404);
      b.request().get("/share/" + shareToken).then().statusCode(410);
      b.request().head("/share/" + shareToken).then().statusCode(410);
    });
    assertThat(linksOnTheFile()).isEqualTo(1);
  }

  @Test
  void linkRevokedOnBIsRefusedByA() {
    warm(a);

    b.as(token).delete("/shares/" + shareId).then().statusCode(204);

    await().untilAsserted(() -> {
      a.request().head("/share/" + shareToken).then().statusCode(410);
      a.request().get("/share/" + shareToken).then().statusCode(410);
    });
  }

  @Test
  void linkExhaustedOnAIsRefusedByB() {
    String once = a.as(token).contentType(ContentType.JSON).body("{\"max_downloads\": 1}")
        .post("/files/" + fileId + "/share").then().statusCode(201).extract().path("token");
    b.request().head("/share/" + once).then().statusCode(200);
    b.request().head("/share/" + once).then().statusCode(200);

    a.request().get("/share/" + once).then().statusCode(200);

    await().untilAsserted(() -> {
      b.request().head("/share/" + once).then().statusCode(410);
      b.request().get("/share/" + once).then().statusCode(410);
    });
  }

  /** Makes the instance cache the file and the link. */
  private void warm(PackagedReplica replica) {
    for (int i = 0; i < 2; i++) {
      replica.as(token).get("/files/" + fileId).then().statusCode(200);
      replica.as(token).head("/files/" + fileId + "/content").then().statusCode(200);
      replica.request().head("/share/" + shareToken).then().statusCode(200);
    }
  }

  private int linksOnTheFile() throws SQLException {
    Map<String, String> settings = replicas.settings;
    try (Connection connection = DriverManager.getConnection(settings.get("quarkus.datasource.jdbc.url"),
            settings.get("quarkus.datasource.username"), settings.get("quarkus.datasource.password"));
        PreparedStatement count = connection.prepareStatement(
            "SELECT count(*) FROM satchel.share_links WHERE file_id = ?")) {
      count.setObject(1, UUID.fromString(fileId));
      try (ResultSet rows = count.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }
}
