package dev.satchel.bootstrap.encryption;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import dev.satchel.adapters.persistence.lock.PostgresAdvisoryLock;
import dev.satchel.adapters.storage.crypto.KeyRing;
import dev.satchel.bootstrap.Api;
import dev.satchel.bootstrap.Bytes;
import dev.satchel.bootstrap.EncryptionProfile;
import dev.satchel.bootstrap.TestEnvironmentResource;
import dev.satchel.bootstrap.Uploads;
import dev.satchel.bootstrap.config.SatchelConfig;
import dev.satchel.bootstrap.jobs.DataKeyRewrapJob;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Encryption at rest end to end: what is on disk, downloads unchanged for clients, rotation by the
 * re-wrap job with health counts moving, and a file whose key is gone.
 */
@QuarkusTest
@TestProfile(EncryptionProfile.class)
@WithTestResource(value = TestEnvironmentResource.class, scope = TestResourceScope.GLOBAL)
class EncryptionAtRestTest {
  private static final byte[] MARKER = "SATCHEL-E2E-PLAINTEXT-MARKER".getBytes(StandardCharsets.US_ASCII);

  @Inject EncryptionAtRest encryption;
  @Inject PostgresAdvisoryLock lock;
  @Inject DataKeyRewrapJob job;
  @Inject DataSource dataSource;
  @Inject SatchelConfig config;

  private static byte[] markedContent(int size) {
    byte[] content = Uploads.randomBytes(size, 77);
    for (int i = 0; i + MARKER.length <= size; i += 1000) {
      System.arraycopy(MARKER, 0, content, i, MARKER.length);
    }
    return content;
  }

  /** The application's own database (the profile's restart gives it a database of its own). */
  private String queryString(String sql, String parameter) throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, parameter);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private void update(String sql, String parameter) throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, parameter);
      s.executeUpdate();
    }
  }

  private String storageKey(String fileId) throws Exception {
    return queryString("SELECT storage_key FROM files WHERE id = ?::uuid", fileId);
  }

  private byte[] storedBytes(String fileId) throws Exception {
    Path root = config.storage().local().path();
    return Files.readAllBytes(root.resolve(storageKey(fileId)));
  }

  @Test
  void uploadsAreEncryptedOnDiskAndDownloadUnchanged() throws Exception {
    String token = Api.newUserToken();
    byte[] content = markedContent(300_000); // five 64 KiB segments
    String id = Uploads.upload(token, "secret.bin", content).then().statusCode(201)
        .body("encrypted", equalTo(true)).extract().path("file_id");

    byte[] stored = storedBytes(id);
    assertThat(Bytes.indexOf(stored, MARKER)).isEqualTo(-1);
    assertThat(Bytes.indexOf(content, MARKER)).isZero();
    assertThat(queryString("SELECT key_id FROM blob_data_keys WHERE storage_key = ?", storageKey(id))).isEqualTo("old");
    Api.as(token).when().get("/files/" + id).then().statusCode(200).body("encrypted", equalTo(true));

    byte[] whole = Api.as(token).when().get("/files/" + id + "/content").then().statusCode(200)
        .header("ETag", "\"" + Uploads.sha256(content) + "\"")
        .header("Content-Length", String.valueOf(content.length))
        .extract().asByteArray();
    assertThat(whole).isEqualTo(content);
    // Across the boundary of the first and second segment, and a suffix in the last one.
    byte[] spanning = Api.as(token).header("Range", "bytes=65000-140000").when().get("/files/" + id + "/content")
        .then().statusCode(206).header("Content-Range", "bytes 65000-140000/" + content.length).extract().asByteArray();
    assertThat(spanning).isEqualTo(Arrays.copyOfRange(content, 65000, 140001));
    byte[] suffix = Api.as(token).header("Range", "bytes=-10").when().get("/files/" + id + "/content")
        .then().statusCode(206).extract().asByteArray();
    assertThat(suffix).isEqualTo(Arrays.copyOfRange(content, content.length - 10, content.length));
  }

  @Test
  void rotationRewrapsOntoTheNewKeyAndHealthCountsMove() throws Exception {
    String token = Api.newUserToken();
    byte[] content = markedContent(5000);
    String id = Uploads.uploadedId(token, "rotate.bin", content);
    byte[] storedBefore = storedBytes(id);
    long oldBefore = filesUnder("old");
    assertThat(oldBefore).isPositive();

    // What a restart with SATCHEL_ENCRYPTION_ACTIVE_KEY=new gives the job: the same keys, new active.
    KeyRing rotated = KeyRing.parse(EncryptionProfile.OLD + "," + EncryptionProfile.NEW, "new");
    DataKeyRewrapJob afterRestart = new DataKeyRewrapJob(new EncryptionAtRest(Optional.of(rotated), encryption.dataKeys()), lock);
    OptionalInt rewrapped = afterRestart.rewrapDataKeys();

    assertThat(rewrapped).isPresent();
    assertThat(rewrapped.getAsInt()).isGreaterThanOrEqualTo((int) oldBefore);
    assertThat(filesUnder("old")).isZero();
    assertThat(filesUnder("new")).isGreaterThanOrEqualTo(oldBefore);
    assertThat(storedBytes(id)).isEqualTo(storedBefore); // no blob rewritten
    byte[] downloaded = Api.as(token).when().get("/files/" + id + "/content").then().statusCode(200).extract().asByteArray();
    assertThat(downloaded).isEqualTo(content);
    // The running application still has "old" active: its own job moves every key back onto it,
    // which leaves the state the other tests of this profile expect.
    assertThat(job.rewrapDataKeys()).isPresent();
    assertThat(filesUnder("new")).isZero();
    assertThat(filesUnder("old")).isGreaterThanOrEqualTo(oldBefore);
  }

  @Test
  void fileWhoseKeyIsGoneIs500WithoutKeyDetails() throws Exception {
    String token = Api.newUserToken();
    String id = Uploads.uploadedId(token, "lost.bin", markedContent(2000));
    String key = storageKey(id);
    // As if its key had been dropped from SATCHEL_ENCRYPTION_KEYS while still protecting it.
    update("UPDATE blob_data_keys SET key_id = 'retired-too-early' WHERE storage_key = ?", key);
    try {
      String body = Api.as(token).when().get("/files/" + id + "/content").then().statusCode(500)
          .contentType(containsString("application/problem+json"))
          .body("code", equalTo("encryption-key-unavailable"))
          .extract().asString();
      assertThat(body).doesNotContain("retired-too-early").doesNotContain("old").doesNotContain(key);
      given().when().get("/q/health").then()
          .body("checks.find { it.name == 'encryption-at-rest' }.status", equalTo("DOWN"))
          .body("checks.find { it.name == 'encryption-at-rest' }.data.'files:retired-too-early'", equalTo(1));
    } finally {
      update("UPDATE blob_data_keys SET key_id = 'old' WHERE storage_key = ?", key);
    }
    given().when().get("/q/health").then()
        .body("checks.find { it.name == 'encryption-at-rest' }.status", equalTo("UP"))
        .body("checks.find { it.name == 'encryption-at-rest' }.data.active-key", equalTo("old"))
        .body("checks.find { it.name == 'encryption-at-rest' }.data", not(org.hamcrest.Matchers.hasKey("files:retired-too-early")));
  }

  private static long filesUnder(String keyId) {
    JsonPath health = given().when().get("/q/health").then().extract().jsonPath();
    Object count = health.get("checks.find { it.name == 'encryption-at-rest' }.data.'files:" + keyId + "'");
    assertThat(count).as("health reports key %s", keyId).isNotNull();
    return ((Number) count).longValue();
  }
}
