package dev.satchel.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.satchel.client.ApiClient;
import dev.satchel.client.ApiException;
import dev.satchel.client.ApiResponse;
import dev.satchel.client.api.AuthenticationApi;
import dev.satchel.client.api.FilesApi;
import dev.satchel.client.api.SharingApi;
import dev.satchel.client.model.CreatedShare;
import dev.satchel.client.model.Credentials;
import dev.satchel.client.model.FileMetadata;
import dev.satchel.client.model.Problem;
import dev.satchel.client.model.Registered;
import dev.satchel.client.model.ShareLink;
import dev.satchel.client.model.ShareRequest;
import dev.satchel.client.model.Token;
import dev.satchel.client.model.UploadedFile;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole contract flow through a client that OpenAPI Generator made from the document this build
 * produced, with no hand-written HTTP: a property name, type, format or status that differs between
 * the document and the wire fails here (a misnamed max_downloads, say, leaves the link unlimited and
 * its second download is then not 410).
 */
class GeneratedClientContractIT {
  private static final Pattern NEXT_CURSOR = Pattern.compile("<[^>]*[?&]cursor=([^&>]+)[^>]*>;\\s*rel=\"next\"");
  private static PackagedSatchel satchel;

  @TempDir
  Path directory;

  @BeforeAll
  static void start() throws IOException {
    satchel = PackagedSatchel.start();
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (satchel != null) {
      satchel.close();
    }
  }

  @Test
  void everyFlowOfTheContractRunsThroughTheGeneratedClient() throws Exception {
    String email = "contract-" + UUID.randomUUID() + "@example.com";
    String password = "correct horse battery staple";
    AuthenticationApi auth = new AuthenticationApi(client(null));
    Registered registered = auth.register(new Credentials().email(email).password(password));
    assertThat(registered.getUserId()).isNotNull();
    assertThat(registered.getMessage()).isEqualTo("User registered successfully");
    ApiException taken = catchThrowableOfType(ApiException.class,
        () -> auth.register(new Credentials().email(email.toUpperCase()).password(password)));
    assertProblem(taken, 409, "email-taken");

    Token token = auth.login(new Credentials().email(email).password(password));
    assertThat(token.getTokenType()).isEqualTo("bearer");
    assertThat(token.getExpiresIn()).isPositive();
    FilesApi files = new FilesApi(client(token.getAccessToken()));
    SharingApi sharing = new SharingApi(client(token.getAccessToken()));

    byte[] report = "the quarterly report, all of it".getBytes(StandardCharsets.UTF_8);
    OffsetDateTime beforeUploads = OffsetDateTime.now().minusMinutes(1);
    ApiResponse<UploadedFile> created = files.uploadFileWithHttpInfo(file("report.txt", report));
    UploadedFile uploaded = created.getData();
    assertThat(created.getStatusCode()).isEqualTo(201);
    assertThat(created.getHeaders().get("location")).containsExactly("/files/" + uploaded.getFileId());
    assertThat(uploaded.getFilename()).isEqualTo("report.txt");
    assertThat(uploaded.getSize()).isEqualTo(report.length);
    assertThat(uploaded.getChecksumSha256()).isEqualTo(sha256(report));
    assertThat(uploaded.getContentType()).startsWith("text/plain");
    assertThat(uploaded.getUploadDate()).isAfter(beforeUploads);
    assertThat(uploaded.getMessage()).isEqualTo("File uploaded successfully");
    UUID second = files.uploadFile(file("second.bin", new byte[100])).getFileId();
    UUID third = files.uploadFile(file("third.bin", new byte[300])).getFileId();

    // Paging: two per page, newest first, the rest behind the Link header's cursor.
    ApiResponse<List<FileMetadata>> firstPage = files.listFilesWithHttpInfo(null, 2);
    assertThat(firstPage.getData()).extracting(FileMetadata::getFileId).containsExactly(third, second);
    String link = firstPage.getHeaders().get("link").getFirst();
    Matcher cursor = NEXT_CURSOR.matcher(link);
    assertThat(cursor.find()).as("Link header %s", link).isTrue();
    ApiResponse<List<FileMetadata>> lastPage = files.listFilesWithHttpInfo(
        URLDecoder.decode(cursor.group(1), StandardCharsets.UTF_8), 2);
    assertThat(lastPage.getData()).extracting(FileMetadata::getFileId).containsExactly(uploaded.getFileId());
    assertThat(lastPage.getHeaders()).doesNotContainKey("link");

    // Typed search filters: sizes as int64, timestamps as date-time, sort and order as enums.
    assertThat(files.searchFiles(null, null, 299L, 50L, null, "asc", "size", null, beforeUploads, null))
        .extracting(FileMetadata::getFileId).containsExactly(second);
    assertThat(files.searchFiles(null, null, null, null, "REPORT", null, null, "txt", null, null))
        .extracting(FileMetadata::getFileId).containsExactly(uploaded.getFileId());
    ApiException badFilter = catchThrowableOfType(ApiException.class,
        () -> files.searchFiles(null, 0, null, null, null, null, null, null, null, null));
    assertProblem(badFilter, 400, "invalid-input");

    FileMetadata metadata = files.getFile(uploaded.getFileId());
    assertThat(metadata.getFileId()).isEqualTo(uploaded.getFileId());
    assertThat(metadata.getFilename()).isEqualTo("report.txt");
    assertThat(metadata.getSize()).isEqualTo(report.length);
    assertThat(metadata.getChecksumSha256()).isEqualTo(uploaded.getChecksumSha256());
    assertThat(metadata.getUploadDate()).isEqualTo(uploaded.getUploadDate());

    // Bytes as binary: whole, one range, and a conditional request.
    ApiResponse<File> whole = files.downloadFileWithHttpInfo(uploaded.getFileId(), null, null, null, null, null);
    assertThat(whole.getStatusCode()).isEqualTo(200);
    assertThat(Files.readAllBytes(whole.getData().toPath())).isEqualTo(report);
    String etag = whole.getHeaders().get("etag").getFirst();
    assertThat(etag).isEqualTo("\"" + sha256(report) + "\"");
    assertThat(whole.getHeaders().get("content-disposition").getFirst()).startsWith("attachment");
    assertThat(whole.getHeaders()).containsKey("last-modified");
    ApiResponse<File> range =
        files.downloadFileWithHttpInfo(uploaded.getFileId(), "bytes=4-12", null, null, null, null);
    assertThat(range.getStatusCode()).isEqualTo(206);
    assertThat(Files.readAllBytes(range.getData().toPath())).isEqualTo("quarterly".getBytes(StandardCharsets.UTF_8));
    assertThat(range.getHeaders().get("content-range")).containsExactly("bytes 4-12/" + report.length);
    ApiException beyondTheEnd = catchThrowableOfType(ApiException.class,
        () -> files.downloadFile(uploaded.getFileId(), "bytes=1000-", null, null, null, null));
    assertProblem(beyondTheEnd, 416, "range-not-satisfiable");
    assertThat(beyondTheEnd.getResponseHeaders().firstValue("Content-Range")).hasValue("bytes */" + report.length);
    ApiException notModified = catchThrowableOfType(ApiException.class,
        () -> files.downloadFile(uploaded.getFileId(), null, null, etag, null, null));
    assertThat(notModified.getCode()).isEqualTo(304);

    // A one-download, password-protected link: the limit and the password must reach Satchel.
    CreatedShare share = sharing.createShare(uploaded.getFileId(),
        new ShareRequest().maxDownloads(1).password("open sesame").expiresIn(3600L));
    assertThat(share.getMaxDownloads()).isEqualTo(1);
    assertThat(share.getPasswordProtected()).isTrue();
    assertThat(share.getFileId()).isEqualTo(uploaded.getFileId());
    assertThat(share.getShareUrl()).isEqualTo(URI.create("http://public.example/share/" + share.getToken()));
    assertThat(share.getExpiresAt())
        .isBetween(OffsetDateTime.now().plusMinutes(59), OffsetDateTime.now().plusMinutes(61));
    ShareLink listed = sharing.listShares(uploaded.getFileId()).getFirst();
    assertThat(listed.getShareId()).isEqualTo(share.getShareId());
    assertThat(listed.getDownloadCount()).isZero();
    assertThat(listed.getMaxDownloads()).isEqualTo(1);
    assertThat(listed.getStatus()).isEqualTo(ShareLink.StatusEnum.ACTIVE);

    SharingApi anonymous = new SharingApi(client(null));
    ApiException wrongPassword = catchThrowableOfType(ApiException.class,
        () -> anonymous.downloadShared(share.getToken(), null, "wrong password", null, null, null, null, null));
    assertProblem(wrongPassword, 401, "share-password-incorrect");
    assertThat(wrongPassword.getResponseHeaders().map()).containsKey("www-authenticate");
    File shared = anonymous.downloadShared(share.getToken(), null, "open sesame", null, null, null, null, null);
    assertThat(Files.readAllBytes(shared.toPath())).isEqualTo(report);
    ApiException exhausted = catchThrowableOfType(ApiException.class,
        () -> anonymous.downloadShared(share.getToken(), null, "open sesame", null, null, null, null, null));
    assertProblem(exhausted, 410, "share-gone");
    ShareLink used = sharing.listShares(uploaded.getFileId()).getFirst();
    assertThat(used.getDownloadCount()).isEqualTo(1);
    assertThat(used.getStatus()).isEqualTo(ShareLink.StatusEnum.EXHAUSTED);

    // An unlimited link says so with max_downloads null, and answers 410 once revoked.
    CreatedShare open = sharing.createShare(uploaded.getFileId(), null);
    assertThat(open.getMaxDownloads()).isNull();
    assertThat(open.getPasswordProtected()).isFalse();
    assertThat(anonymous.downloadSharedWithHttpInfo(open.getToken(), null, null, "bytes=-3", null, null, null, null)
        .getStatusCode()).isEqualTo(206);
    sharing.revokeShare(open.getShareId());
    assertProblem(catchThrowableOfType(ApiException.class,
        () -> anonymous.downloadShared(open.getToken(), null, null, null, null, null, null, null)), 410, "share-gone");

    files.deleteFile(uploaded.getFileId());
    assertProblem(catchThrowableOfType(ApiException.class, () -> files.getFile(uploaded.getFileId())),
        404, "file-not-found");
    ApiException anonymousList = catchThrowableOfType(ApiException.class,
        () -> new FilesApi(client(null)).listFiles(null, null));
    assertProblem(anonymousList, 401, "unauthenticated");
    assertThat(anonymousList.getResponseHeaders().firstValue("WWW-Authenticate")).hasValueSatisfying(
        value -> assertThat(value).startsWith("Bearer"));
  }

  private ApiClient client(String accessToken) {
    ApiClient client = new ApiClient();
    client.updateBaseUri(satchel.baseUri());
    if (accessToken != null) {
      client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + accessToken));
    }
    return client;
  }

  private File file(String name, byte[] content) throws IOException {
    Path path = directory.resolve(name);
    Files.write(path, content);
    return path.toFile();
  }

  /** The error is a typed ApiException whose body parses as the document's Problem schema. */
  private static void assertProblem(ApiException error, int status, String code) throws IOException {
    assertThat(error).as("expected HTTP %d", status).isNotNull();
    assertThat(error.getCode()).isEqualTo(status);
    assertThat(error.getResponseHeaders().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    Problem problem = new ApiClient().getObjectMapper().readValue(error.getResponseBody(), Problem.class);
    assertThat(problem.getStatus()).isEqualTo(status);
    assertThat(problem.getTitle()).isNotBlank();
    assertThat(problem.getType()).isEqualTo(URI.create("https://satchel.dev/problems/" + code));
    assertThat(problem.getCode()).isEqualTo(code);
  }

  private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
