package dev.satchel.bootstrap.cluster;

import static dev.satchel.bootstrap.Uploads.randomBytes;
import static dev.satchel.bootstrap.Uploads.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.satchel.bootstrap.Api;
import dev.satchel.bootstrap.TestEnvironmentResource;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A resumable upload outlives the application: the packaged jar takes the first chunk and is
 * stopped, a new start on the same database and storage reports the durable offset and takes the
 * rest, and the file has every byte.
 */
class ResumableUploadAcrossRestartIT {
  private static final int MIB = 1024 * 1024;

  @Test
  void anUploadContinuesAfterARestartBetweenTwoChunks() throws Exception {
    TestEnvironmentResource environment = new TestEnvironmentResource();
    Map<String, String> settings = environment.start();
    try {
      byte[] content = randomBytes(3 * MIB + 5, 41);
      String token;
      String path;
      try (PackagedReplica before = PackagedReplica.start("tus-before-restart", settings)) {
        before.awaitReady();
        token = newUserToken(before);
        path = URI.create(tus(before, token).header("Upload-Length", String.valueOf(content.length))
            .header("Upload-Metadata", "filename cmVzdGFydGVkLmJpbg==") // restarted.bin
            .when().post("/uploads").then().statusCode(201).extract().header("Location")).getPath();
        tus(before, token).header("Upload-Offset", "0").contentType("application/offset+octet-stream")
            .body(Arrays.copyOfRange(content, 0, MIB)).when().patch(path)
            .then().statusCode(204).header("Upload-Offset", String.valueOf(MIB));
      }
      try (PackagedReplica after = PackagedReplica.start("tus-after-restart", settings)) {
        after.awaitReady();
        tus(after, token).when().head(path).then().statusCode(200).header("Upload-Offset", String.valueOf(MIB));
        String fileId = tus(after, token).header("Upload-Offset", String.valueOf(MIB))
            .contentType("application/offset+octet-stream").body(Arrays.copyOfRange(content, MIB, content.length))
            .when().patch(path).then().statusCode(204).header("Upload-Offset", String.valueOf(content.length))
            .extract().header("Satchel-File-Id");
        after.as(token).when().get("/files/" + fileId).then().statusCode(200)
            .body("filename", equalTo("restarted.bin"))
            .body("size", equalTo(content.length))
            .body("checksum_sha256", equalTo(sha256(content)));
      }
    } finally {
      environment.stop();
    }
  }

  /**
   * A replica dies (SIGKILL) in the middle of a PATCH while holding the upload's lease; the client
   * goes on with the other replica on tus-js-client's default retry delays (0, 1, 3, 5 s), which
   * give up on the fifth 409. It must get through: the dead replica's lease is renewed by nobody and
   * runs out after satchel.upload.lease (6 s), not minutes later.
   */
  @Test
  void anUploadWhoseReplicaCrashedMidPatchResumesOnAnotherWithinAClientsRetries() throws Exception {
    PackagedReplicaPair pair = PackagedReplicaPair.start("tus-crash", Map.of());
    try {
      byte[] content = randomBytes(3 * MIB, 43);
      String token = newUserToken(pair.a);
      String path = URI.create(tus(pair.a, token).header("Upload-Length", String.valueOf(content.length))
          .header("Upload-Metadata", "filename Y3Jhc2guYmlu") // crash.bin
          .when().post("/uploads").then().statusCode(201).extract().header("Location")).getPath();
      try (Socket socket = new Socket("127.0.0.1", pair.a.port())) {
        OutputStream out = socket.getOutputStream();
        out.write(("PATCH " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
            + "\r\nTus-Resumable: 1.0.0\r\nUpload-Offset: 0\r\nContent-Type: application/offset+octet-stream"
            + "\r\nContent-Length: " + content.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(content, 0, MIB); // then nothing more: A is writing, under the lease, when it dies
        out.flush();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> leaseHeld(pair, path));
        pair.a.crash();
      }

      long[] retryDelaysMillis = {0, 1000, 3000, 5000};
      List<Integer> answers = new ArrayList<>();
      String fileId = null;
      for (long delay : retryDelaysMillis) {
        Thread.sleep(delay);
        long offset = Long.parseLong(tus(pair.b, token).when().head(path).then().statusCode(200)
            .extract().header("Upload-Offset"));
        var answer = tus(pair.b, token).header("Upload-Offset", String.valueOf(offset))
            .contentType("application/offset+octet-stream")
            .body(Arrays.copyOfRange(content, (int) offset, content.length)).when().patch(path);
        answers.add(answer.statusCode());
        if (answer.statusCode() == 204) {
          fileId = answer.header("Satchel-File-Id");
          break;
        }
      }
      assertThat(answers).as("PATCH answers on B after A crashed").last().isEqualTo(204);
      assertThat(answers.subList(0, answers.size() - 1)).containsOnly(409);
      pair.b.as(token).when().get("/files/" + fileId).then().statusCode(200)
          .body("size", equalTo(content.length))
          .body("checksum_sha256", equalTo(sha256(content)));
    } finally {
      pair.stop();
    }
  }

  private static boolean leaseHeld(PackagedReplicaPair pair, String path) throws Exception {
    String id = path.substring(path.lastIndexOf('/') + 1);
    try (Connection connection = DriverManager.getConnection(pair.settings.get("quarkus.datasource.jdbc.url"),
            pair.settings.getOrDefault("quarkus.datasource.username", "postgres"),
            pair.settings.getOrDefault("quarkus.datasource.password", ""));
        PreparedStatement query = connection.prepareStatement(
            "SELECT lease_token IS NOT NULL FROM satchel.resumable_uploads WHERE id = CAST(? AS uuid)")) {
      query.setString(1, id);
      try (ResultSet row = query.executeQuery()) {
        return row.next() && row.getBoolean(1);
      }
    }
  }

  private static RequestSpecification tus(PackagedReplica replica, String token) {
    return replica.as(token).header("Tus-Resumable", "1.0.0");
  }

  private static String newUserToken(PackagedReplica replica) {
    String email = "user-" + UUID.randomUUID() + "@example.com";
    Map<String, String> credentials = Map.of("email", email, "password", Api.PASSWORD);
    replica.request().contentType(ContentType.JSON).body(credentials).post("/register").then().statusCode(201);
    return replica.request().contentType(ContentType.JSON).body(credentials).post("/login")
        .then().statusCode(200).extract().path("access_token");
  }
}
