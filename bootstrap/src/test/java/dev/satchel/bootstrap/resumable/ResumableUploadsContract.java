package dev.satchel.bootstrap.resumable;

import static dev.satchel.bootstrap.Uploads.randomBytes;
import static dev.satchel.bootstrap.Uploads.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.satchel.bootstrap.Api;
import dev.satchel.bootstrap.Metrics;
import io.restassured.RestAssured;
import io.tus.java.client.TusClient;
import io.tus.java.client.TusUpload;
import io.tus.java.client.TusUploader;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Resumable uploads with a real tus client (tus-java-client from Maven Central) and raw HTTP, run
 * per storage backend: an upload interrupted after a chunk resumes from its URL, and the file it
 * becomes has every byte and the SHA-256 of the whole content.
 */
abstract class ResumableUploadsContract {
  static final int MIB = 1024 * 1024;

  String token;

  @BeforeEach
  void newUser() {
    token = Api.newUserToken();
  }

  /** Whether the application under test runs with encryption at rest on. */
  protected boolean encryptedAtRest() {
    return false;
  }

  @Test
  void tusClientResumesAnInterruptedUploadFromItsUrl() throws Exception {
    // 3 MiB chunks: below S3's 5 MiB minimum part, so the S3 staging must carry tails across PATCHes.
    byte[] content = randomBytes(13 * MIB + 12_345, 16);
    double storedBefore = Metrics.value("satchel_uploads_total", "kind=\"resumable\"", "outcome=\"stored\"");

    TusUploader first = client().createUpload(upload(content));
    first.setChunkSize(3 * MIB);
    assertThat(first.uploadChunk()).isEqualTo(3 * MIB);
    URL url = first.getUploadURL();
    first.finish(); // the client goes away after one chunk; nothing remembers it but the server
    assertThat(Tus.offset(token, url.toString())).isEqualTo(3 * MIB);

    TusUploader resumed = client().beginOrResumeUploadFromURL(upload(content), url);
    assertThat(resumed.getOffset()).isEqualTo(3 * MIB);
    resumed.setChunkSize(3 * MIB);
    while (resumed.uploadChunk() > -1) {
      // until the last byte
    }
    resumed.finish();

    String fileId = Tus.head(token, url.toString()).then().statusCode(200)
        .header("Upload-Offset", String.valueOf(content.length))
        .extract().header("Satchel-File-Id");
    assertThat(fileId).isNotNull();
    Api.as(token).when().get("/files/" + fileId).then().statusCode(200)
        .body("filename", equalTo("resumed.bin"))
        .body("size", equalTo(content.length))
        .body("checksum_sha256", equalTo(sha256(content)))
        .body("encrypted", equalTo(encryptedAtRest()));
    byte[] downloaded = Api.as(token).when().get("/files/" + fileId + "/content").then().statusCode(200)
        .extract().asByteArray();
    assertThat(sha256(downloaded)).isEqualTo(sha256(content));
    assertThat(Metrics.value("satchel_uploads_total", "kind=\"resumable\"", "outcome=\"stored\""))
        .isEqualTo(storedBefore + 1);
  }

  @Test
  void rawChunksOfOddSizesBecomeTheExactFile() {
    byte[] content = randomBytes(6 * MIB + 7, 17);
    String url = Tus.create(token, content.length, "odd.bin");
    int[] cuts = {0, 1, 1 + 2 * MIB, 5 * MIB + 3, content.length};
    String fileId = null;
    for (int i = 0; i + 1 < cuts.length; i++) {
      byte[] chunk = Arrays.copyOfRange(content, cuts[i], cuts[i + 1]);
      var answer = Tus.patch(token, url, cuts[i], chunk).then().statusCode(204)
          .header("Upload-Offset", String.valueOf(cuts[i + 1]));
      fileId = answer.extract().header("Satchel-File-Id");
      assertThat(fileId == null).isEqualTo(i + 2 < cuts.length);
    }
    Api.as(token).when().get("/files/" + fileId).then().statusCode(200)
        .body("checksum_sha256", equalTo(sha256(content)));
    assertThat(Api.as(token).when().get("/files/" + fileId + "/content").then().statusCode(200)
        .extract().asByteArray()).isEqualTo(content);
  }

  @Test
  void checksumMismatchIs460AndKeepsTheOffset() {
    byte[] content = randomBytes(6 * MIB, 18);
    String url = Tus.create(token, content.length, "checked.bin");
    byte[] first = Arrays.copyOfRange(content, 0, 2 * MIB);
    Tus.as(token).header("Upload-Offset", "0").header("Upload-Checksum", Tus.sha256Header(first))
        .contentType(Tus.OFFSET_STREAM).body(first).when().patch(url).then().statusCode(204)
        .header("Upload-Offset", String.valueOf(2 * MIB));

    byte[] second = Arrays.copyOfRange(content, 2 * MIB, content.length);
    byte[] corrupted = second.clone();
    corrupted[12345] ^= 1;
    Tus.as(token).header("Upload-Offset", String.valueOf(2 * MIB)).header("Upload-Checksum", Tus.sha256Header(second))
        .contentType(Tus.OFFSET_STREAM).body(corrupted).when().patch(url)
        .then().statusCode(460).contentType("application/problem+json").body("code", equalTo("checksum-mismatch"));
    assertThat(Tus.offset(token, url)).isEqualTo(2 * MIB);

    String fileId = Tus.as(token).header("Upload-Offset", String.valueOf(2 * MIB))
        .header("Upload-Checksum", Tus.sha256Header(second))
        .contentType(Tus.OFFSET_STREAM).body(second).when().patch(url).then().statusCode(204)
        .extract().header("Satchel-File-Id");
    Api.as(token).when().get("/files/" + fileId).then().statusCode(200)
        .body("checksum_sha256", equalTo(sha256(content)));
  }

  /** What the staging store still holds for the upload (local files, S3 objects). */
  protected List<String> stagedLeftovers(String uploadId) throws Exception {
    Path dir = Path.of(ConfigProvider.getConfig().getValue("satchel.storage.local.path", String.class))
        .toAbsolutePath().normalize().resolve(".uploads");
    try (var files = Files.list(dir)) {
      return files.map(file -> file.getFileName().toString()).filter(name -> name.startsWith(uploadId)).toList();
    }
  }

  @Test
  void terminationRemovesTheUploadAndItsStagedBytes() throws Exception {
    String url = Tus.create(token, 6 * MIB, "gone.bin");
    String id = url.substring(url.lastIndexOf('/') + 1);
    Tus.patch(token, url, 0, randomBytes(MIB, 19)).then().statusCode(204);
    assertThat(stagedLeftovers(id)).isNotEmpty();
    Tus.as(token).when().delete(url).then().statusCode(204).header("Tus-Resumable", "1.0.0");
    assertThat(stagedLeftovers(id)).isEmpty();
    Tus.head(token, url).then().statusCode(404);
    Tus.patch(token, url, MIB, randomBytes(MIB, 20)).then().statusCode(404);
  }

  private TusClient client() throws Exception {
    TusClient client = new TusClient();
    client.setUploadCreationURL(URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/uploads").toURL());
    client.setHeaders(Map.of("Authorization", "Bearer " + token));
    return client;
  }

  private static TusUpload upload(byte[] content) {
    TusUpload upload = new TusUpload();
    upload.setInputStream(new ByteArrayInputStream(content));
    upload.setSize(content.length);
    upload.setFingerprint("resumed-" + content.length);
    upload.setMetadata(Map.of("filename", "resumed.bin", "filetype", "application/octet-stream"));
    return upload;
  }
}
