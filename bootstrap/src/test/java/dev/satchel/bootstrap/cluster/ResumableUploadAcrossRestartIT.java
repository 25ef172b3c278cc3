package dev.satchel.bootstrap.cluster;

import static dev.satchel.bootstrap.Uploads.randomBytes;
import static dev.satchel.bootstrap.Uploads.sha256;
import static org.hamcrest.Matchers.equalTo;

import dev.satchel.bootstrap.Api;
import dev.satchel.bootstrap.TestEnvironmentResource;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
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
