package dev.satchel.bootstrap.cors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;

import dev.satchel.bootstrap.Api;
import dev.satchel.bootstrap.CorsProfile;
import dev.satchel.bootstrap.TestEnvironmentResource;
import dev.satchel.bootstrap.Uploads;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CORS policy of API.md "Browser clients" with two origins configured through satchel.cors.origins. */
@QuarkusTest
@TestProfile(CorsProfile.class)
@WithTestResource(value = TestEnvironmentResource.class, scope = TestResourceScope.GLOBAL)
class CorsTest {
  private static final String UNLISTED = "https://evil.example.net";

  private static List<String> list(String header) {
    return header == null ? List.of()
        : Arrays.stream(header.split(",")).map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
  }

  private static Response preflight(String origin, String method, String headers) {
    return given().header("Origin", origin)
        .header("Access-Control-Request-Method", method)
        .header("Access-Control-Request-Headers", headers)
        .when().options("/files");
  }

  @Test
  void preflightFromAListedOriginAllowsTheApiHeadersWithoutCredentials() {
    for (String origin : List.of(CorsProfile.APP, CorsProfile.ADMIN)) {
      Response answer = preflight(origin, "POST", "authorization,content-type,tus-resumable,upload-length");
      assertThat(answer.statusCode()).isBetween(200, 204);
      assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo(origin);
      assertThat(list(answer.header("Access-Control-Allow-Methods"))).contains("get", "head", "post", "delete");
      assertThat(list(answer.header("Access-Control-Allow-Headers"))).contains(
          "authorization", "content-type", "x-share-password", "tus-resumable", "upload-length", "upload-offset",
          "upload-metadata", "if-match", "if-none-match", "if-range", "range");
      assertThat(answer.header("Access-Control-Allow-Credentials")).isIn(null, "false");
    }
  }

  @Test
  void preflightFromAnUnlistedOriginGetsNoAllowOrigin() {
    // Quarkus's filter still lists its allowed headers; without Allow-Origin a browser admits nothing.
    Response answer = preflight(UNLISTED, "GET", "authorization");
    assertThat(answer.header("Access-Control-Allow-Origin")).isNull();
    assertThat(answer.header("Access-Control-Allow-Credentials")).isNull();
    // A listed origin's prefix or suffix is another origin.
    assertThat(preflight(CorsProfile.APP + ".evil.net", "GET", "authorization").header("Access-Control-Allow-Origin"))
        .isNull();
    assertThat(preflight("http://app.example.com", "GET", "authorization").header("Access-Control-Allow-Origin"))
        .isNull();
  }

  @Test
  void everyAnswerVariesByOriginSoNoCacheHandsItToAnotherOrigin() {
    String token = Api.newUserToken();
    String fileId = Uploads.uploadedId(token, "vary.bin", Uploads.randomBytes(10, 5));
    String shareToken = Api.as(token).contentType(ContentType.JSON).body("{}").when().post("/files/" + fileId + "/share")
        .then().statusCode(201).extract().path("token");
    List<Response> answers = List.of(
        preflight(CorsProfile.APP, "GET", "authorization"),
        preflight(UNLISTED, "GET", "authorization"),
        Api.as(token).header("Origin", CorsProfile.APP).when().get("/files/" + fileId),
        Api.as(token).when().get("/files/" + fileId), // no Origin: a cache may still reuse it for one
        given().header("Origin", CorsProfile.APP).when().get("/share/" + shareToken),
        given().when().get("/share/nonexistent-token-000000000000000000000"));
    for (int i = 0; i < answers.size(); i++) {
      assertThat(list(String.join(",", answers.get(i).headers().getValues("Vary")))).as("answer %d", i)
          .contains("origin");
    }
    // The share links' own Vary is kept beside it.
    assertThat(list(String.join(",", answers.get(4).headers().getValues("Vary")))).contains("accept", "origin");
  }

  @Test
  void actualRequestsFromAListedOriginExposeWhatAClientNeeds() {
    String token = Api.newUserToken();
    byte[] content = Uploads.randomBytes(100, 3);
    String fileId = Uploads.uploadedId(token, "cors.bin", content);
    Response download = Api.as(token).header("Origin", CorsProfile.APP).header("Range", "bytes=0-9")
        .when().get("/files/" + fileId + "/content");
    download.then().statusCode(206);
    assertThat(download.header("Access-Control-Allow-Origin")).isEqualTo(CorsProfile.APP);
    assertThat(download.header("Access-Control-Allow-Credentials")).isIn(null, "false");
    assertThat(list(download.header("Access-Control-Expose-Headers"))).contains(
        "location", "link", "etag", "last-modified", "content-disposition", "content-range", "retry-after",
        "ratelimit", "ratelimit-policy", "satchel-file-id", "upload-offset", "upload-length", "upload-expires",
        "tus-resumable", "tus-version", "tus-extension", "tus-max-size");

    String shareToken = Api.as(token).contentType(ContentType.JSON).body(Map.of())
        .header("Origin", CorsProfile.ADMIN)
        .when().post("/files/" + fileId + "/share")
        .then().statusCode(201).header("Access-Control-Allow-Origin", CorsProfile.ADMIN)
        .extract().path("token");
    given().header("Origin", CorsProfile.APP).when().get("/share/" + shareToken)
        .then().statusCode(200).header("Access-Control-Allow-Origin", CorsProfile.APP);
    // Errors are readable by the page too: a problem body a browser script cannot see helps nobody.
    given().header("Origin", CorsProfile.APP).when().get("/files")
        .then().statusCode(401).header("Access-Control-Allow-Origin", CorsProfile.APP);
  }

  @Test
  void actualRequestsFromAnUnlistedOriginAreRefusedWithoutAllowOrigin() {
    String token = Api.newUserToken();
    String fileId = Uploads.uploadedId(token, "keep.bin", new byte[] {1, 2, 3});
    Response answer = Api.as(token).header("Origin", UNLISTED).when().get("/files");
    assertThat(answer.header("Access-Control-Allow-Origin")).isNull();
    // Quarkus's filter refuses a foreign origin before any resource runs: a script on an unlisted
    // origin cannot even trigger a side effect it would not be allowed to read.
    assertThat(answer.statusCode()).isEqualTo(403);
    Api.as(token).header("Origin", UNLISTED).when().delete("/files/" + fileId)
        .then().statusCode(403).header("Access-Control-Allow-Origin", nullValue());
    Api.as(token).when().get("/files/" + fileId).then().statusCode(200);
    // Without an Origin (curl, servers) nothing changes.
    Api.as(token).when().get("/files").then().statusCode(200)
        .header("Access-Control-Allow-Origin", nullValue());
  }

  @Test
  void theSharePagesPasswordFormPostsFromTheServicesOwnPublicOrigin() {
    // a browser sends Origin on a form post; behind a TLS proxy this is not seen as same-origin
    given().header("Origin", CorsProfile.PUBLIC).contentType("application/x-www-form-urlencoded")
        .formParam("password", "open sesame")
        .when().post("/share/no-such-link/unlock")
        .then().statusCode(404).header("Access-Control-Allow-Origin", CorsProfile.PUBLIC);
    given().header("Origin", UNLISTED).contentType("application/x-www-form-urlencoded")
        .formParam("password", "open sesame")
        .when().post("/share/no-such-link/unlock")
        .then().statusCode(403).header("Access-Control-Allow-Origin", nullValue());
  }
}
