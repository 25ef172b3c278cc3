package dev.satchel.bootstrap.files;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;

import dev.satchel.bootstrap.Api;
import dev.satchel.bootstrap.TestEnvironmentResource;
import dev.satchel.bootstrap.Uploads;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * RFC 9110 conditional and range requests on both download endpoints: owner content and public
 * links answer the same validators, 412/416 problems, If-Range rules and Last-Modified.
 */
@QuarkusTest
@WithTestResource(value = TestEnvironmentResource.class, scope = TestResourceScope.GLOBAL)
class ConditionalDownloadsTest {
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
  private static final int SIZE = 4096;

  /** The two ways to download a file. */
  enum Endpoint { OWNER, SHARE }

  String token;
  String fileId;
  String shareToken;
  byte[] content;
  String etag;
  Instant lastModified;

  @BeforeEach
  void uploadedAndShared() {
    token = Api.newUserToken();
    content = Uploads.randomBytes(SIZE, 7);
    fileId = Uploads.uploadedId(token, "report.bin", content);
    shareToken = Api.as(token).contentType(ContentType.JSON).when().post("/files/" + fileId + "/share")
        .then().statusCode(201).extract().path("token");
    etag = "\"" + Uploads.sha256(content) + "\"";
    lastModified = Instant.parse(Api.as(token).when().get("/files/" + fileId).then().statusCode(200)
        .extract().<String>path("upload_date")).truncatedTo(ChronoUnit.SECONDS);
  }

  private RequestSpecification client(Endpoint endpoint) {
    return endpoint == Endpoint.OWNER ? Api.as(token) : given();
  }

  private String path(Endpoint endpoint) {
    return endpoint == Endpoint.OWNER ? "/files/" + fileId + "/content" : "/share/" + shareToken;
  }

  @ParameterizedTest
  @EnumSource(Endpoint.class)
  void everyAnswerCarriesLastModifiedTheUploadDate(Endpoint endpoint) {
    String expected = HTTP_DATE.format(lastModified);
    client(endpoint).when().get(path(endpoint)).then().statusCode(200).header("Last-Modified", expected);
    client(endpoint).when().head(path(endpoint)).then().statusCode(200).header("Last-Modified", expected);
    client(endpoint).header("Range", "bytes=0-0").when().get(path(endpoint))
        .then().statusCode(206).header("Last-Modified", expected);
    client(endpoint).header("If-None-Match", etag).when().get(path(endpoint))
        .then().statusCode(304).header("Last-Modified", expected);
    client(endpoint).header("If-Match", "\"other\"").when().get(path(endpoint))
        .then().statusCode(412).header("Last-Modified", expected);
    client(endpoint).header("Range", "bytes=" + SIZE + "-").when().get(path(endpoint))
        .then().statusCode(416).header("Last-Modified", expected);
  }

  @ParameterizedTest
  @EnumSource(Endpoint.class)
  void failingIfMatchIs412ProblemForGetAndHead(Endpoint endpoint) {
    for (String ifMatch : new String[] {"\"other\"", "W/" + etag, "not-a-tag"}) {
      client(endpoint).header("If-Match", ifMatch).when().get(path(endpoint))
          .then().statusCode(412).contentType("application/problem+json")
          .body("code", equalTo("precondition-failed")).body("field", equalTo("If-Match"))
          .body("status", equalTo(412)).header("ETag", etag);
      client(endpoint).header("If-Match", ifMatch).when().head(path(endpoint)).then().statusCode(412);
    }
    for (String ifMatch : new String[] {etag, "*", "\"other\", " + etag}) {
      byte[] body = client(endpoint).header("If-Match", ifMatch).when().get(path(endpoint))
          .then().statusCode(200).extract().asByteArray();
      assertThat(body).isEqualTo(content);
    }
  }

  @ParameterizedTest
  @EnumSource(Endpoint.class)
  void ifUnmodifiedSinceComparesWholeSecondsAndIgnoresBadDates(Endpoint endpoint) {
    client(endpoint).header("If-Unmodified-Since", HTTP_DATE.format(lastModified.minusSeconds(1)))
        .when().get(path(endpoint)).then().statusCode(412).contentType("application/problem+json")
        .body("code", equalTo("precondition-failed")).body("field", equalTo("If-Unmodified-Since"));
    client(endpoint).header("If-Unmodified-Since", HTTP_DATE.format(lastModified.minusSeconds(1)))
        .when().head(path(endpoint)).then().statusCode(412);
    client(endpoint).header("If-Unmodified-Since", HTTP_DATE.format(lastModified))
        .when().get(path(endpoint)).then().statusCode(200);
    client(endpoint).header("If-Unmodified-Since", "last tuesday").when().get(path(endpoint)).then().statusCode(200);
    // A matching If-Match makes If-Unmodified-Since irrelevant (RFC 9110 §13.2.2).
    client(endpoint).header("If-Match", etag).header("If-Unmodified-Since", HTTP_DATE.format(lastModified.minusSeconds(1)))
        .when().get(path(endpoint)).then().statusCode(200);
  }

  @ParameterizedTest
  @EnumSource(Endpoint.class)
  void ifModifiedSinceAnswers304OnlyWithoutIfNoneMatch(Endpoint endpoint) {
    client(endpoint).header("If-Modified-Since", HTTP_DATE.format(lastModified))
        .when().get(path(endpoint)).then().statusCode(304).header("ETag", etag).body(emptyString());
    client(endpoint).header("If-Modified-Since", HTTP_DATE.format(lastModified)).when().head(path(endpoint))
        .then().statusCode(304);
    client(endpoint).header("If-Modified-Since", HTTP_DATE.format(lastModified.minusSeconds(1)))
        .when().get(path(endpoint)).then().statusCode(200);
    client(endpoint).header("If-Modified-Since", HTTP_DATE.format(lastModified)).header("If-None-Match", "\"other\"")
        .when().get(path(endpoint)).then().statusCode(200);
  }

  @ParameterizedTest
  @EnumSource(Endpoint.class)
  void unsatisfiableRangeIs416ProblemWithContentRange(Endpoint endpoint) {
    client(endpoint).header("Range", "bytes=" + SIZE + "-").when().get(path(endpoint))
        .then().statusCode(416).contentType("application/problem+json")
        .header("Content-Range", "bytes */" + SIZE)
        .body("code", equalTo("range-not-satisfiable")).body("field", equalTo("Range"));
  }

  @ParameterizedTest
  @EnumSource(Endpoint.class)
  void ifRangeHonoursTheRangeOnlyOnAStrongMatch(Endpoint endpoint) {
    byte[] tenBytes = Arrays.copyOfRange(content, 0, 10);
    for (String validator : new String[] {etag, HTTP_DATE.format(lastModified)}) {
      byte[] part = client(endpoint).header("Range", "bytes=0-9").header("If-Range", validator)
          .when().get(path(endpoint)).then().statusCode(206).header("Content-Range", "bytes 0-9/" + SIZE)
          .extract().asByteArray();
      assertThat(part).isEqualTo(tenBytes);
    }
    String[] noMatch = {"W/" + etag, "\"other\"", HTTP_DATE.format(lastModified.plusSeconds(1)), "garbage"};
    for (String validator : noMatch) {
      byte[] whole = client(endpoint).header("Range", "bytes=0-9").header("If-Range", validator)
          .when().get(path(endpoint)).then().statusCode(200).extract().asByteArray();
      assertThat(whole).isEqualTo(content);
    }
    // A range beyond the end is not even looked at when If-Range does not match.
    client(endpoint).header("Range", "bytes=" + SIZE + "-").header("If-Range", "W/" + etag)
        .when().get(path(endpoint)).then().statusCode(200);
  }

  @ParameterizedTest
  @EnumSource(Endpoint.class)
  void headAnswersTheStatusAndHeadersOfGet(Endpoint endpoint) {
    String[][] conditions = {
        {}, {"If-Match", "\"other\""}, {"If-Match", etag}, {"If-None-Match", etag},
        {"If-Unmodified-Since", HTTP_DATE.format(lastModified.minusSeconds(1))},
        {"If-Modified-Since", HTTP_DATE.format(lastModified)}};
    for (String[] condition : conditions) {
      RequestSpecification get = client(endpoint);
      RequestSpecification head = client(endpoint);
      if (condition.length == 2) {
        get.header(condition[0], condition[1]);
        head.header(condition[0], condition[1]);
      }
      io.restassured.response.Response got = get.when().get(path(endpoint));
      io.restassured.response.Response headed = head.when().head(path(endpoint));
      assertThat(headed.statusCode()).as("status for %s", Arrays.toString(condition)).isEqualTo(got.statusCode());
      for (String name : new String[] {"ETag", "Last-Modified", "Content-Type", "Cache-Control",
          "Content-Disposition", "Accept-Ranges"}) {
        assertThat(headed.header(name)).as("%s for %s", name, Arrays.toString(condition)).isEqualTo(got.header(name));
      }
      // The length of a problem body is known only while writing it, so HEAD may omit it (RFC 9110 §9.3.2).
      if (got.statusCode() < 400) {
        assertThat(headed.header("Content-Length")).as("Content-Length for %s", Arrays.toString(condition))
            .isEqualTo(got.header("Content-Length"));
      }
    }
  }

  @Test
  void refusedAndConditionalAnswersCountNoDownloadOnALink() {
    String oneDownload = Api.as(token).contentType(ContentType.JSON).body(Map.of("max_downloads", 1))
        .when().post("/files/" + fileId + "/share").then().statusCode(201).extract().path("token");
    String link = "/share/" + oneDownload;
    given().header("If-Match", "\"other\"").when().get(link).then().statusCode(412);
    given().header("If-Unmodified-Since", HTTP_DATE.format(lastModified.minusSeconds(1))).when().get(link)
        .then().statusCode(412);
    given().header("Range", "bytes=" + SIZE + "-").when().get(link).then().statusCode(416);
    given().header("If-None-Match", etag).when().get(link).then().statusCode(304);
    given().header("If-Modified-Since", HTTP_DATE.format(lastModified)).when().get(link).then().statusCode(304);
    given().when().head(link).then().statusCode(200);
    byte[] once = given().when().get(link).then().statusCode(200).extract().asByteArray();
    assertThat(once).isEqualTo(content);
    given().when().get(link).then().statusCode(410);
  }
}
