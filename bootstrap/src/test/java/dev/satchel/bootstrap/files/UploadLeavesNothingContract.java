package dev.satchel.bootstrap.files;

import static org.assertj.core.api.Assertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;

import dev.satchel.bootstrap.Api;
import dev.satchel.bootstrap.Db;
import dev.satchel.bootstrap.Uploads;
import dev.satchel.domain.storage.BlobStorage;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A refused upload leaves neither a row nor a blob; checked inside the app, per storage backend. */
abstract class UploadLeavesNothingContract {
  private static final int MIB = 1024 * 1024;

  @Inject BlobStorage blobs;

  String token;

  @BeforeEach
  void newUser() {
    token = Api.newUserToken();
  }

  int blobCount() {
    AtomicInteger count = new AtomicInteger();
    blobs.forEachKeyOlderThan(Instant.now().plusSeconds(3600), key -> count.incrementAndGet());
    return count.get();
  }

  int rowCount() throws Exception {
    return Integer.parseInt(Db.queryString("SELECT count(*) FROM satchel.files"));
  }

  @Test
  void oversizedUploadIs413AndLeavesNothing() throws Exception {
    int rowsBefore = rowCount();
    int blobsBefore = blobCount();
    Uploads.upload(token, "huge.bin", new byte[61 * MIB])
        .then().statusCode(413).contentType("application/problem+json").body("code", equalTo("file-too-large"));
    assertThat(rowCount()).isEqualTo(rowsBefore);
    assertThat(blobCount()).isEqualTo(blobsBefore);
  }

  /** Issue 12, input 5: the body ends in {@code \r\n--boundary} with no closing {@code --}. */
  @Test
  void bodyWithoutItsCloseDelimiterIs400AndLeavesNothing() throws Exception {
    String body = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cut.txt\"\r\n"
        + "Content-Type: text/plain\r\n\r\nthe first half of a file\r\n--" + BOUNDARY;
    assertRefusedLeavingNothing(body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void garbageAfterTheDelimiterFollowingTheFileIs400AndLeavesNothing() throws Exception {
    String body = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"g.txt\"\r\n\r\n"
        + "content\r\n--" + BOUNDARY + "garbage\r\n--" + BOUNDARY + "--\r\n";
    assertRefusedLeavingNothing(body.getBytes(StandardCharsets.UTF_8));
  }

  /** curl -F file=@a -F file=@b: one request stores one file, so the second is refused, not dropped. */
  @Test
  void twoFilePartsAre400NamingTheFaultAndLeaveNothing() throws Exception {
    String body = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\n"
        + "first\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"b.txt\"\r\n\r\n"
        + "second\r\n--" + BOUNDARY + "--\r\n";
    int rowsBefore = rowCount();
    int blobsBefore = blobCount();
    given().header("Authorization", "Bearer " + token)
        .contentType("multipart/form-data; boundary=" + BOUNDARY)
        .body(body.getBytes(StandardCharsets.UTF_8))
        .when().post("/upload")
        .then().statusCode(400).contentType("application/problem+json")
        .body("code", equalTo("invalid-input"))
        .body("field", equalTo("file"))
        .body("detail", org.hamcrest.Matchers.containsString("more than one part named 'file'"));
    Api.as(token).when().get("/files").then().statusCode(200).body("size()", equalTo(0));
    assertThat(rowCount()).isEqualTo(rowsBefore);
    assertThat(blobCount()).isEqualTo(blobsBefore);
  }

  /** A complete body cut at points before, inside and after the file content. */
  @ParameterizedTest
  @ValueSource(ints = {1, 60, 120, 5000, -60, -3, -1})
  void bodyCutAtAnyPointIs400AndLeavesNothing(int cutFromStartOrEnd) throws Exception {
    byte[] whole = completeBody(new byte[10_000]);
    int keep = cutFromStartOrEnd > 0 ? cutFromStartOrEnd : whole.length - 2 + cutFromStartOrEnd; // -2: keep CRLF out
    assertRefusedLeavingNothing(Arrays.copyOf(whole, keep));
  }

  private static final String BOUNDARY = "satchel-cut-boundary";

  private static byte[] completeBody(byte[] content) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhi\r\n--" + BOUNDARY
        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"whole.bin\"\r\n\r\n")
        .getBytes(StandardCharsets.UTF_8));
    out.writeBytes(content);
    out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private void assertRefusedLeavingNothing(byte[] body) throws Exception {
    int rowsBefore = rowCount();
    int blobsBefore = blobCount();
    given().header("Authorization", "Bearer " + token)
        .contentType("multipart/form-data; boundary=" + BOUNDARY)
        .body(body)
        .when().post("/upload")
        .then().statusCode(400).contentType("application/problem+json")
        .body("code", oneOf("invalid-input", "upload-incomplete"));
    Api.as(token).when().get("/files").then().statusCode(200).body("size()", equalTo(0));
    assertThat(rowCount()).isEqualTo(rowsBefore);
    assertThat(blobCount()).isEqualTo(blobsBefore);
  }
}
