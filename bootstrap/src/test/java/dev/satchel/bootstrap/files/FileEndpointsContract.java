package dev.satchel.bootstrap.files;

import static dev.satchel.bootstrap.Uploads.randomBytes;
import static dev.satchel.bootstrap.Uploads.sha256;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import dev.satchel.bootstrap.Api;
import dev.satchel.bootstrap.Uploads;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The file endpoints end to end over HTTP only; run per storage backend and against the packaged app. */
abstract class FileEndpointsContract {
  private static final int MIB = 1024 * 1024;

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
  void uploadListGetDownloadDeleteRoundTrip() {
    byte[] content = "hello, satchel\n".getBytes(StandardCharsets.UTF_8);
    Response uploaded = Uploads.upload(token, "notes.txt", content);
    uploaded.then().statusCode(201)
        .body("filename", equalTo("notes.txt"))
        .body("size", equalTo(content.length))
        .body("content_type", startsWith("text/plain"))
        .body("checksum_sha256", equalTo(sha256(content)))
        .body("message", equalTo("File uploaded successfully"))
        .body("encrypted", equalTo(encryptedAtRest()))
        .body("upload_date", org.hamcrest.Matchers.matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z"));
    String id = uploaded.path("file_id");

    Api.as(token).when().get("/files").then().statusCode(200).body("file_id", hasItem(id));
    Api.as(token).when().get("/files/" + id).then().statusCode(200)
        .body("file_id", equalTo(id)).body("checksum_sha256", equalTo(sha256(content)))
        .body("encrypted", equalTo(encryptedAtRest()));
    byte[] downloaded = Api.as(token).when().get("/files/" + id + "/content")
        .then().statusCode(200)
        .header("Content-Length", String.valueOf(content.length))
        .header("ETag", "\"" + sha256(content) + "\"")
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Disposition", "attachment; filename=\"notes.txt\"; filename*=UTF-8''notes.txt")
        .extract().asByteArray();
    assertThat(downloaded).isEqualTo(content);

    Api.as(token).when().delete("/files/" + id).then().statusCode(204);
    Api.as(token).when().get("/files/" + id).then().statusCode(404);
    Api.as(token).when().get("/files/" + id + "/content").then().statusCode(404);
    Api.as(token).when().delete("/files/" + id).then().statusCode(404);
    Api.as(token).when().get("/files").then().statusCode(200).body("file_id", not(hasItem(id)));
  }

  @Test
  void largeUploadKeepsEveryByte() {
    byte[] content = randomBytes(48 * MIB, 48);
    String id = Uploads.upload(token, "big.bin", content)
        .then().statusCode(201).body("size", equalTo(content.length)).body("checksum_sha256", equalTo(sha256(content)))
        .extract().path("file_id");
    byte[] downloaded = Api.as(token).when().get("/files/" + id + "/content").then().statusCode(200).extract().asByteArray();
    assertThat(sha256(downloaded)).isEqualTo(sha256(content));
  }

  @Test
  void concurrentLargeUploadsEachKeepTheirOwnBytes() throws Exception {
    // Large enough for the read-ahead queue to fill and for local storage's direct writes.
    int uploads = 4;
    ExecutorService pool = Executors.newFixedThreadPool(uploads);
    try {
      List<Future<Response>> responses = new ArrayList<>();
      List<byte[]> contents = new ArrayList<>();
      for (int i = 0; i < uploads; i++) {
        byte[] content = randomBytes(6 * MIB + 4097 * i, 100 + i);
        contents.add(content);
        int n = i;
        responses.add(pool.submit((Callable<Response>) () -> Uploads.upload(token, "large-" + n + ".bin", content)));
      }
      for (int i = 0; i < uploads; i++) {
        String id = responses.get(i).get().then().statusCode(201)
            .body("checksum_sha256", equalTo(sha256(contents.get(i)))).extract().path("file_id");
        byte[] downloaded = Api.as(token).when().get("/files/" + id + "/content").then().statusCode(200).extract().asByteArray();
        assertThat(sha256(downloaded)).isEqualTo(sha256(contents.get(i)));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void concurrentUploadsAreAllStoredIntact() throws Exception {
    int uploads = 16;
    ExecutorService pool = Executors.newFixedThreadPool(uploads);
    try {
      List<Future<String>> ids = new ArrayList<>();
      List<byte[]> contents = new ArrayList<>();
      for (int i = 0; i < uploads; i++) {
        byte[] content = randomBytes(256 * 1024 + i, i);
        contents.add(content);
        int n = i;
        ids.add(pool.submit((Callable<String>) () -> Uploads.uploadedId(token, "part-" + n + ".bin", content)));
      }
      List<String> finished = new ArrayList<>();
      for (Future<String> id : ids) {
        finished.add(id.get());
      }
      List<String> listed = Api.as(token).queryParam("limit", 100).when().get("/files").then().statusCode(200)
          .extract().path("file_id");
      for (int i = 0; i < uploads; i++) {
        String id = finished.get(i);
        assertThat(listed).contains(id);
        byte[] downloaded = Api.as(token).when().get("/files/" + id + "/content").then().statusCode(200).extract().asByteArray();
        assertThat(downloaded).isEqualTo(contents.get(i));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void emptyFileIsAFile() {
    String id = Uploads.upload(token, "empty.txt", new byte[0])
        .then().statusCode(201).body("size", equalTo(0))
        .body("checksum_sha256", equalTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"))
        .extract().path("file_id");
    Api.as(token).when().get("/files/" + id + "/content").then().statusCode(200).header("Content-Length", "0");
    Api.as(token).header("Range", "bytes=0-10").when().get("/files/" + id + "/content").then().statusCode(416);
  }

  @Test
  void filenamesAreReducedToASafeLastSegment() {
    Uploads.upload(token, "../../etc/passwd", "x".getBytes(StandardCharsets.UTF_8))
        .then().statusCode(201).body("filename", equalTo("passwd"));
    Uploads.upload(token, "C:\\Users\\me\\report.pdf", "x".getBytes(StandardCharsets.UTF_8))
        .then().statusCode(201).body("filename", equalTo("report.pdf"));
    // Browsers send the name as raw UTF-8 in the quoted filename parameter.
    String unicode = "Résumé — 日本語 📄.txt";
    String id = Uploads.rawUpload(token, "file", "; filename=\"" + unicode + "\"", "x".getBytes(StandardCharsets.UTF_8))
        .then().statusCode(201).body("filename", equalTo(unicode)).extract().path("file_id");
    Api.as(token).when().get("/files/" + id + "/content").then().statusCode(200)
        .header("Content-Disposition", startsWith("attachment; filename=\"R_sum_ "));
  }

  @Test
  void controlCharactersNeverReachAHeader() {
    String id = Uploads.rawUpload(token, "file", "; filename*=UTF-8''evil%0D%0ASet-Cookie%3A%20x%3D1%0A.txt",
            "x".getBytes(StandardCharsets.UTF_8))
        .then().statusCode(201)
        .body("filename", not(containsString("\r"))).body("filename", not(containsString("\n")))
        .extract().path("file_id");
    Response download = Api.as(token).when().get("/files/" + id + "/content");
    download.then().statusCode(200);
    assertThat(download.getHeaders().hasHeaderWithName("Set-Cookie")).isFalse();
    assertThat(download.header("Content-Disposition")).doesNotContain("\r").doesNotContain("\n");
  }

  @Test
  void rangeRequestsAreServedPartially() {
    byte[] content = randomBytes(10_000, 7);
    String id = Uploads.uploadedId(token, "range.bin", content);
    byte[] part = Api.as(token).header("Range", "bytes=100-199").when().get("/files/" + id + "/content")
        .then().statusCode(206)
        .header("Content-Range", "bytes 100-199/10000")
        .header("Content-Length", "100")
        .extract().asByteArray();
    assertThat(part).isEqualTo(java.util.Arrays.copyOfRange(content, 100, 200));
    byte[] suffix = Api.as(token).header("Range", "bytes=-10").when().get("/files/" + id + "/content")
        .then().statusCode(206).header("Content-Range", "bytes 9990-9999/10000").extract().asByteArray();
    assertThat(suffix).isEqualTo(java.util.Arrays.copyOfRange(content, 9990, 10000));
    Api.as(token).header("Range", "bytes=10000-").when().get("/files/" + id + "/content")
        .then().statusCode(416).header("Content-Range", "bytes */10000");
    // A stale If-Range means the whole, current representation.
    Api.as(token).header("Range", "bytes=0-9").header("If-Range", "\"stale\"").when().get("/files/" + id + "/content")
        .then().statusCode(200).header("Content-Length", "10000");
  }

  @Test
  void matchingIfNoneMatchIs304() {
    byte[] content = randomBytes(1000, 3);
    String id = Uploads.uploadedId(token, "cached.bin", content);
    Api.as(token).header("If-None-Match", "\"" + sha256(content) + "\"").when().get("/files/" + id + "/content")
        .then().statusCode(304).header("ETag", "\"" + sha256(content) + "\"");
    Api.as(token).header("If-None-Match", "\"other\"").when().get("/files/" + id + "/content").then().statusCode(200);
  }

  @Test
  void headDescribesTheDownloadWithoutBytes() {
    byte[] content = randomBytes(5000, 5);
    String id = Uploads.uploadedId(token, "head.bin", content);
    Api.as(token).when().head("/files/" + id + "/content")
        .then().statusCode(200).header("Content-Length", "5000").header("ETag", "\"" + sha256(content) + "\"");
  }

  @Test
  void activeContentIsDetectedFromBytesAndOnlyServedAsAttachment() {
    byte[] png = new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    Uploads.upload(token, "picture.txt", png).then().statusCode(201).body("content_type", equalTo("image/png"));
    byte[] html = "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8);
    String id = Uploads.upload(token, "page.html", html).then().statusCode(201)
        .body("content_type", equalTo("text/html")).extract().path("file_id");
    Api.as(token).when().get("/files/" + id + "/content").then().statusCode(200)
        .header("Content-Disposition", startsWith("attachment"))
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", containsString("sandbox"));
  }

  @Test
  void anotherUsersFileLooksMissingEverywhere() {
    String id = Uploads.uploadedId(token, "private.txt", "secret".getBytes(StandardCharsets.UTF_8));
    String intruder = Api.newUserToken();
    Api.as(intruder).when().get("/files/" + id).then().statusCode(404).body("code", equalTo("file-not-found"));
    Api.as(intruder).when().get("/files/" + id + "/content").then().statusCode(404);
    Api.as(intruder).when().head("/files/" + id + "/content").then().statusCode(404);
    Api.as(intruder).when().delete("/files/" + id).then().statusCode(404);
    Api.as(intruder).when().get("/files").then().statusCode(200).body("file_id", not(hasItem(id)));
    Api.as(token).when().get("/files/" + id).then().statusCode(200);
  }

  @Test
  void missingOrMisnamedFilePartIs400() {
    Uploads.rawUpload(token, "document", "; filename=\"a.txt\"", new byte[] {1})
        .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("file"));
    Uploads.rawUpload(token, "file", "", new byte[] {1}).then().statusCode(400).body("field", equalTo("file"));
    Api.as(token).contentType("multipart/form-data; boundary=x").body("garbage".getBytes(StandardCharsets.UTF_8)).when().post("/upload")
        .then().statusCode(400).contentType("application/problem+json");
    Api.as(token).contentType("application/json").body("{}").when().post("/upload").then().statusCode(415);
    given().multiPart("file", "a.txt", new byte[] {1}).when().post("/upload").then().statusCode(401);
  }
}
