package dev.satchel.bootstrap.resumable;

import static dev.satchel.bootstrap.Uploads.randomBytes;
import static dev.satchel.bootstrap.Uploads.sha256;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import dev.satchel.bootstrap.AdjustableClock;
import dev.satchel.bootstrap.Api;
import dev.satchel.bootstrap.Db;
import dev.satchel.bootstrap.TestEnvironmentResource;
import dev.satchel.bootstrap.jobs.MaintenanceJobs;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The tus 1.0.0 protocol at the edges, as raw HTTP: versions, offsets, owners, sizes, races and expiry. */
@QuarkusTest
@WithTestResource(value = TestEnvironmentResource.class, scope = TestResourceScope.GLOBAL)
class ResumableUploadProtocolTest {
  private static final int MIB = 1024 * 1024;

  @Inject MaintenanceJobs jobs;

  String token;

  @BeforeEach
  void newUser() {
    token = Api.newUserToken();
  }

  @AfterEach
  void resetClock() {
    AdjustableClock.reset();
  }

  @Test
  void optionsNeedsNoTokenAndListsTheCapabilities() {
    for (String path : new String[] {"/uploads", "/uploads/" + UUID.randomUUID()}) {
      given().when().options(path).then().statusCode(204)
          .header("Tus-Resumable", "1.0.0")
          .header("Tus-Version", "1.0.0")
          .header("Tus-Extension", "creation,creation-with-upload,expiration,checksum,termination")
          .header("Tus-Max-Size", String.valueOf(60 * MIB)) // %test.satchel.upload.max-size=60M
          .header("Tus-Checksum-Algorithm", "sha256");
    }
  }

  @Test
  void aRequestWithoutTusResumable1_0_0Is412NamingTheVersion() {
    String url = Tus.create(token, 10, "v.bin");
    for (String version : new String[] {null, "0.2.2", "1.0", ""}) {
      var request = Api.as(token);
      if (version != null) {
        request.header("Tus-Resumable", version);
      }
      request.header("Upload-Length", "10").when().post("/uploads").then().statusCode(412)
          .header("Tus-Version", "1.0.0").header("Tus-Resumable", "1.0.0")
          .contentType("application/problem+json").body("code", equalTo("tus-version-unsupported"));
      Api.as(token).when().head(url).then().statusCode(412).header("Tus-Version", "1.0.0");
    }
    assertThat(Tus.offset(token, url)).isZero();
  }

  @Test
  void concatenationIsRefusedBeforeAnythingIsStored() {
    int filesBefore = Api.as(token).when().get("/files?limit=1000").then().statusCode(200)
        .extract().jsonPath().getList("$").size();
    for (String concat : new String[] {"partial", "final;/uploads/" + UUID.randomUUID()}) {
      Tus.as(token).header("Upload-Length", "4").header("Upload-Concat", concat)
          .contentType("application/offset+octet-stream").body(new byte[] {1, 2, 3, 4})
          .when().post("/uploads").then().statusCode(400)
          .contentType("application/problem+json").body("code", equalTo("tus-extension-unsupported"))
          .body("field", equalTo("Upload-Concat"));
    }
    String url = Tus.create(token, 4, "c.bin");
    Tus.as(token).header("Upload-Offset", "0").header("Upload-Concat", "partial")
        .contentType("application/offset+octet-stream").body(new byte[] {1, 2, 3, 4})
        .when().patch(url).then().statusCode(400).body("code", equalTo("tus-extension-unsupported"));

    assertThat(Tus.offset(token, url)).isZero();
    assertThat(Api.as(token).when().get("/files?limit=1000").then().statusCode(200)
        .extract().jsonPath().getList("$").size()).isEqualTo(filesBefore);
  }

  @Test
  void creationAnswersAPathAbsoluteLocationAndAnExpiry() {
    var created = Tus.as(token).header("Upload-Length", "100").header("Upload-Metadata",
            "filename " + Tus.base64("r\u00e9sum\u00e9.pdf") + ",filetype " + Tus.base64("application/pdf") + ",is_private")
        .when().post("/uploads").then().statusCode(201)
        .header("Location", matchesPattern("^/uploads/[0-9a-f-]{36}$"))
        .header("Upload-Expires", matchesPattern("^[A-Z][a-z]{2}, \\d\\d [A-Z][a-z]{2} \\d{4} \\d\\d:\\d\\d:\\d\\d GMT$"))
        .header("Satchel-File-Id", nullValue())
        .extract();
    Tus.head(token, created.header("Location")).then().statusCode(200)
        .header("Upload-Offset", "0").header("Upload-Length", "100")
        .header("Cache-Control", "no-store")
        .header("Upload-Metadata", "filename " + Tus.base64("r\u00e9sum\u00e9.pdf") + ",filetype "
            + Tus.base64("application/pdf"));
  }

  /** Behind a TLS proxy on another port the request's own host and port would be wrong for the client. */
  @Test
  void locationBehindAProxyNamesNoHostTheClientCouldNotReach() {
    String location = Tus.as(token).header("Upload-Length", "10")
        .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "files.example.org:8443")
        .when().post("/uploads").then().statusCode(201)
        .header("Location", matchesPattern("^/uploads/[0-9a-f-]{36}$"))
        .extract().header("Location");
    Tus.head(token, location).then().statusCode(200).header("Upload-Offset", "0");
  }

  @Test
  void creationWithUploadTakesTheFirstBytes() {
    byte[] content = randomBytes(100_000, 30);
    String fileId = Tus.as(token).header("Upload-Length", String.valueOf(content.length))
        .contentType(Tus.OFFSET_STREAM).body(content)
        .when().post("/uploads").then().statusCode(201)
        .header("Upload-Offset", String.valueOf(content.length))
        .extract().header("Satchel-File-Id");
    Api.as(token).when().get("/files/" + fileId).then().statusCode(200)
        .body("filename", equalTo("upload")).body("checksum_sha256", equalTo(sha256(content)));
  }

  @Test
  void anEmptyUploadIsAFileAtOnce() {
    String fileId = Tus.as(token).header("Upload-Length", "0").when().post("/uploads").then().statusCode(201)
        .extract().header("Satchel-File-Id");
    Api.as(token).when().get("/files/" + fileId).then().statusCode(200).body("size", equalTo(0));
  }

  @Test
  void aWrongOffsetIs409WithTheCurrentOne() {
    String url = Tus.create(token, 3 * MIB, "offset.bin");
    Tus.patch(token, url, 0, randomBytes(MIB, 31)).then().statusCode(204).header("Upload-Offset", String.valueOf(MIB));
    for (long wrong : new long[] {0, MIB - 1, MIB + 1, 3L * MIB}) {
      Tus.patch(token, url, wrong, randomBytes(10, 32)).then().statusCode(409)
          .header("Upload-Offset", String.valueOf(MIB)).body("code", equalTo("upload-offset-mismatch"));
    }
    assertThat(Tus.offset(token, url)).isEqualTo(MIB);
  }

  @Test
  void aBodyPastUploadLengthIsRefusedAndNothingOfItKept() {
    String url = Tus.create(token, 1000, "short.bin");
    Tus.patch(token, url, 0, randomBytes(1001, 33)).then().statusCode(400);
    assertThat(Tus.offset(token, url)).isZero();
  }

  @Test
  void anotherUsersUploadIs404() {
    String url = Tus.create(token, 1000, "mine.bin");
    String other = Api.newUserToken();
    Tus.head(other, url).then().statusCode(404);
    Tus.patch(other, url, 0, randomBytes(10, 34)).then().statusCode(404).body("code", equalTo("upload-not-found"));
    Tus.as(other).when().delete(url).then().statusCode(404);
    Tus.head(token, url).then().statusCode(200);
    Tus.head(token, "/uploads/" + UUID.randomUUID()).then().statusCode(404);
    Tus.head(token, "/uploads/not-a-uuid").then().statusCode(404);
  }

  @Test
  void withoutATokenEveryMethodButOptionsIs401() {
    String url = Tus.create(token, 1000, "mine.bin");
    given().header("Tus-Resumable", "1.0.0").header("Upload-Length", "10").when().post("/uploads")
        .then().statusCode(401);
    given().header("Tus-Resumable", "1.0.0").when().head(url).then().statusCode(401);
    given().header("Tus-Resumable", "1.0.0").when().delete(url).then().statusCode(401);
  }

  @Test
  void sizeIsCheckedAtCreation() {
    Tus.as(token).header("Upload-Length", String.valueOf(60L * MIB + 1)).when().post("/uploads")
        .then().statusCode(413).body("code", equalTo("file-too-large"));
    Tus.as(token).header("Upload-Length", String.valueOf(60L * MIB)).when().post("/uploads").then().statusCode(201);
  }

  @Test
  void anUnfinishedUploadExpiresAndTheJobRemovesItsBytes() throws Exception {
    String url = Tus.create(token, 2 * MIB, "late.bin");
    Tus.patch(token, url, 0, randomBytes(MIB, 35)).then().statusCode(204);
    String id = url.substring(url.lastIndexOf('/') + 1);
    Path staged = Path.of(ConfigProvider.getConfig().getValue("satchel.storage.local.path", String.class))
        .toAbsolutePath().normalize().resolve(".uploads").resolve(id);
    assertThat(Files.size(staged)).isEqualTo(MIB);

    AdjustableClock.advance(Duration.ofDays(1).minusMinutes(1));
    jobs.expireUploads();
    assertThat(Tus.offset(token, url)).isEqualTo(MIB);

    AdjustableClock.advance(Duration.ofMinutes(1));
    Tus.head(token, url).then().statusCode(404);
    Tus.patch(token, url, MIB, randomBytes(MIB, 36)).then().statusCode(404);
    assertThat(jobs.expireUploads().orElse(0)).isPositive();
    assertThat(staged).doesNotExist();
    assertThat(Db.queryString("SELECT count(*) FROM satchel.resumable_uploads WHERE id = ?", UUID.fromString(id)))
        .isEqualTo("0");
  }

  @Test
  void ofTwoConcurrentPatchesOneWinsAndTheOtherIs409() throws Exception {
    byte[] content = randomBytes(2 * MIB, 37);
    String url = Tus.create(token, content.length, "race.bin");
    String id = url.substring(url.lastIndexOf('/') + 1);
    CountDownLatch release = new CountDownLatch(1);
    HttpClient http = HttpClient.newHttpClient();
    // The first PATCH sends half its body, then waits: it holds the upload while the second arrives.
    CompletableFuture<HttpResponse<String>> slow = http.sendAsync(HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", "Bearer " + token).header("Tus-Resumable", "1.0.0")
        .header("Upload-Offset", "0").header("Content-Type", Tus.OFFSET_STREAM)
        .method("PATCH", HttpRequest.BodyPublishers.ofInputStream(() -> new HeldBody(content, MIB, release)))
        .build(), HttpResponse.BodyHandlers.ofString());
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> Db.queryString(
        "SELECT lease_token FROM satchel.resumable_uploads WHERE id = ?", UUID.fromString(id)) != null);

    Tus.patch(token, url, 0, content).then().statusCode(409).body("code", equalTo("upload-busy"));
    Tus.as(token).when().delete(url).then().statusCode(409);

    release.countDown();
    HttpResponse<String> won = slow.get(60, TimeUnit.SECONDS);
    assertThat(won.statusCode()).isEqualTo(204);
    String fileId = won.headers().firstValue("Satchel-File-Id").orElseThrow();
    Api.as(token).when().get("/files/" + fileId).then().statusCode(200)
        .body("checksum_sha256", equalTo(sha256(content)));
  }

  @Test
  void hostileHeaderValuesAre400NeverA5xx() {
    String url = Tus.create(token, 1000, "hostile.bin");
    // Surrounding whitespace is not in this list: HTTP strips it from header values before Satchel sees them.
    String[] lengths = {"-1", "abc", "1e3", "1 2", "99999999999999999999", "9223372036854775808", "", "0x10",
        "+5", "1.5", "1,2", "\u0661\u0662"};
    for (String length : lengths) {
      Tus.as(token).header("Upload-Length", length).when().post("/uploads").then().statusCode(400)
          .body("field", equalTo("Upload-Length"));
    }
    Tus.as(token).when().post("/uploads").then().statusCode(400).body("field", equalTo("Upload-Length"));
    for (String offset : lengths) {
      Tus.as(token).header("Upload-Offset", offset).contentType(Tus.OFFSET_STREAM).body(new byte[1])
          .when().patch(url).then().statusCode(400).body("field", equalTo("Upload-Offset"));
    }
    String[] metadata = {"filename", "filename !!!", "file name abc", "filename YQ==,filename Yg==", "filename ////",
        "filename /w==", "f\u00e9 YQ==", "filename YQ==,", ",", "filename " + "A".repeat(9000), "filename YQ== extra",
        "filename " + Tus.base64("../../etc/passwd"), "filename " + Tus.base64("\u0000\u0007")};
    for (String value : metadata) {
      int status = Tus.as(token).header("Upload-Length", "10").header("Upload-Metadata", value)
          .when().post("/uploads").then().extract().statusCode();
      assertThat(status).as(value).isIn(201, 400);
    }
    Tus.as(token).header("Upload-Length", "10").header("Upload-Metadata", "filename ////").when().post("/uploads")
        .then().statusCode(400).body("field", equalTo("Upload-Metadata"));
    String[] checksums = {"md5 1B2M2Y8AsgTpgAmY7PhCfg==", "sha256", "sha256 notbase64!", "SHA256 "
        + Tus.sha256Header(new byte[1]).substring(7), "sha256 " + java.util.Base64.getEncoder().encodeToString(new byte[16]),
        "sha256  " + Tus.sha256Header(new byte[1]).substring(7)};
    for (String checksum : checksums) {
      Tus.as(token).header("Upload-Offset", "0").header("Upload-Checksum", checksum).contentType(Tus.OFFSET_STREAM)
          .body(new byte[1]).when().patch(url).then().statusCode(400).body("field", equalTo("Upload-Checksum"));
    }
    Tus.as(token).header("Upload-Offset", "0").contentType("application/octet-stream").body(new byte[1])
        .when().patch(url).then().statusCode(415);
    assertThat(Tus.offset(token, url)).isZero();
  }

  /** A filetype of NUL or of 300 characters used to reach the database (varchar(255)) and answer 500. */
  @Test
  void aFiletypeThatIsNoMediaTypeIs400() {
    for (String filetype : new String[] {"t".repeat(300), "text/\u0000plain", "text/pl\u00e4in", "a\tb"}) {
      Tus.as(token).header("Upload-Length", "5")
          .header("Upload-Metadata", "filename " + Tus.base64("a.txt") + ",filetype " + Tus.base64(filetype))
          .when().post("/uploads").then().statusCode(400).contentType("application/problem+json")
          .body("field", equalTo("Upload-Metadata"));
    }
    Tus.as(token).header("Upload-Length", "5")
        .header("Upload-Metadata", "filename " + Tus.base64("a.txt") + ",filetype " + Tus.base64("text/plain; charset=utf-8"))
        .when().post("/uploads").then().statusCode(201);
  }

  /**
   * A creation-with-upload whose first bytes are refused answers without a Location: the upload
   * it created is gone with its staged bytes, instead of counting against the quota for a day.
   */
  @Test
  void aRefusedCreationWithUploadLeavesNoUploadBehind() throws Exception {
    Path staging = Path.of(ConfigProvider.getConfig().getValue("satchel.storage.local.path", String.class))
        .toAbsolutePath().normalize().resolve(".uploads");
    String rows = "SELECT count(*) FROM satchel.resumable_uploads";
    String before = Db.queryString(rows);
    long stagedBefore = stagedFiles(staging);

    Tus.as(token).header("Upload-Length", "3").contentType(Tus.OFFSET_STREAM).body("hello".getBytes())
        .when().post("/uploads").then().statusCode(400).header("Location", nullValue());
    Tus.as(token).header("Upload-Length", "5").header("Upload-Checksum", Tus.sha256Header("xyz".getBytes()))
        .contentType(Tus.OFFSET_STREAM).body("hello".getBytes())
        .when().post("/uploads").then().statusCode(460).header("Location", nullValue());

    assertThat(Db.queryString(rows)).isEqualTo(before);
    assertThat(stagedFiles(staging)).isEqualTo(stagedBefore);
  }

  /**
   * Creation bytes of any type but application/offset+octet-stream used to be dropped while the
   * upload was created at offset 0: the client thought them stored. Now nothing is created.
   */
  @Test
  void aCreationBodyOfAnotherTypeIs415AndCreatesNothing() throws Exception {
    String rows = "SELECT count(*) FROM satchel.resumable_uploads";
    String before = Db.queryString(rows);

    for (String type : new String[] {"text/plain", "application/octet-stream", "application/offset+octet-streamx"}) {
      Tus.as(token).header("Upload-Length", "5").contentType(type).body("hello".getBytes())
          .when().post("/uploads").then().statusCode(415).contentType("application/problem+json")
          .header("Location", nullValue());
    }
    assertThat(Db.queryString(rows)).isEqualTo(before);
    // Without content, the type does not matter: a plain creation.
    Tus.as(token).header("Upload-Length", "5").contentType("text/plain").body(new byte[0])
        .when().post("/uploads").then().statusCode(201).header("Upload-Offset", nullValue());
  }

  private static long stagedFiles(Path staging) throws Exception {
    if (!Files.isDirectory(staging)) {
      return 0;
    }
    try (var files = Files.list(staging)) {
      return files.count();
    }
  }

  @Test
  void theMethodOverrideOfClientsWithoutPatchWorksAsPatch() {
    byte[] content = randomBytes(5000, 38);
    String url = Tus.create(token, content.length, "override.bin");
    Tus.as(token).header("X-HTTP-Method-Override", "PATCH").header("Upload-Offset", "0")
        .contentType(Tus.OFFSET_STREAM).body(content).when().post(url).then().statusCode(204)
        .header("Upload-Offset", String.valueOf(content.length));
    Tus.as(token).header("X-HTTP-Method-Override", "GET").when().post(url).then().statusCode(400);
  }

  /** A body that sends its first {@code held} bytes, then waits for the latch before the rest. */
  private static final class HeldBody extends InputStream {
    private final byte[] content;
    private final int held;
    private final CountDownLatch release;
    private int position;

    HeldBody(byte[] content, int held, CountDownLatch release) {
      this.content = content;
      this.held = held;
      this.release = release;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (position == held) {
        try {
          release.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      if (position >= content.length) {
        return -1;
      }
      int limit = position < held ? held : content.length;
      int n = Math.min(length, limit - position);
      System.arraycopy(content, position, buffer, offset, n);
      position += n;
      return n;
    }
  }

  static {
    RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
  }
}
