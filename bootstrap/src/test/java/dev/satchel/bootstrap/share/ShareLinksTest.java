package dev.satchel.bootstrap.share;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.satchel.bootstrap.Api;
import dev.satchel.bootstrap.Simultaneously;
import dev.satchel.bootstrap.TestEnvironmentResource;
import dev.satchel.bootstrap.Uploads;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = TestEnvironmentResource.class, scope = TestResourceScope.GLOBAL)
class ShareLinksTest extends SharedFileFixture {
  @Test
  void defaultsGiveASevenDayUnlimitedOpenLink() {
    Instant before = Instant.now();
    Response created = share(null);
    created.then().statusCode(201)
        .body("share_id", notNullValue())
        .body("token", matchesPattern("[A-Za-z0-9_-]{43}"))
        .body("max_downloads", nullValue())
        .body("password_protected", equalTo(false));
    String shareToken = created.path("token");
    assertThat((String) created.path("share_url")).isEqualTo("http://localhost:8080/share/" + shareToken);
    Instant expires = Instant.parse(created.path("expires_at"));
    assertThat(expires).isBetween(before.plus(Duration.ofDays(7)).minusSeconds(5), Instant.now().plus(Duration.ofDays(7)));

    byte[] bytes = download(shareToken).then().statusCode(200)
        .header("Content-Length", String.valueOf(content.length))
        .header("ETag", "\"" + Uploads.sha256(content) + "\"")
        .header("Content-Disposition", startsWith("attachment; filename=\"shared report.pdf\""))
        .header("Referrer-Policy", "no-referrer")
        .header("X-Content-Type-Options", "nosniff")
        .extract().asByteArray();
    assertThat(bytes).isEqualTo(content);
  }

  @Test
  void everyOptionIsHonoured() {
    share(Map.of("expires_in", 3600, "max_downloads", 3, "password", "open sesame"))
        .then().statusCode(201)
        .body("max_downloads", equalTo(3))
        .body("password_protected", equalTo(true));
  }

  @Test
  void rangeAndConditionalRequestsWorkOnLinks() {
    String shareToken = share(null).path("token");
    byte[] part = given().header("Range", "bytes=10-19").when().get("/share/" + shareToken)
        .then().statusCode(206).header("Content-Range", "bytes 10-19/4096").extract().asByteArray();
    assertThat(part).isEqualTo(java.util.Arrays.copyOfRange(content, 10, 20));
    given().header("If-None-Match", "\"" + Uploads.sha256(content) + "\"").when().get("/share/" + shareToken)
        .then().statusCode(304);
    given().when().head("/share/" + shareToken).then().statusCode(200).header("Content-Length", "4096");
  }

  @Test
  void unknownTokenIs404() {
    download("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").then().statusCode(404)
        .contentType("application/problem+json").body("code", equalTo("share-not-found"));
    download("x").then().statusCode(404);
  }

  @Test
  void badOptionsAre400() {
    share(Map.of("expires_in", 0)).then().statusCode(400).body("field", equalTo("expires_in"));
    share(Map.of("expires_in", -5)).then().statusCode(400).body("field", equalTo("expires_in"));
    share(Map.of("expires_in", Duration.ofDays(31).toSeconds())).then().statusCode(400).body("field", equalTo("expires_in"));
    share(Map.of("max_downloads", 0)).then().statusCode(400).body("field", equalTo("max_downloads"));
    share(Map.of("password", "short")).then().statusCode(400).body("field", equalTo("password"));
    Api.as(token).contentType(ContentType.JSON).body("{\"expires_in\": ").when().post("/files/" + fileId + "/share")
        .then().statusCode(400).contentType("application/problem+json");
    Api.as(token).contentType(ContentType.JSON).body("{\"expires_in\": \"soon\"}").when().post("/files/" + fileId + "/share")
        .then().statusCode(400);
  }

  @Test
  void concurrentDownloadsOfAOneDownloadLinkLetExactlyOneThrough() throws Exception {
    String shareToken = share(Map.of("max_downloads", 1)).path("token");
    int clients = 8;
    List<Integer> results = Simultaneously.run(clients, i -> download(shareToken).statusCode());
    assertThat(results).filteredOn(s -> s == 200).hasSize(1);
    assertThat(results).filteredOn(s -> s == 410).hasSize(clients - 1);
    Api.as(token).when().get("/files/" + fileId + "/shares").then().statusCode(200)
        .body("[0].download_count", equalTo(1)).body("[0].status", equalTo("exhausted"));
  }

  @Test
  void headAndNotModifiedDoNotCountAsDownloads() {
    String shareToken = share(Map.of("max_downloads", 1)).path("token");
    given().when().head("/share/" + shareToken).then().statusCode(200);
    given().header("If-None-Match", "\"" + Uploads.sha256(content) + "\"").when().get("/share/" + shareToken).then().statusCode(304);
    download(shareToken).then().statusCode(200);
    download(shareToken).then().statusCode(410);
  }

  @Test
  void passwordProtectedLinkNeedsItsPasswordInTheHeader() {
    String shareToken = share(Map.of("password", "open sesame")).path("token");
    download(shareToken).then().statusCode(401).contentType("application/problem+json")
        .body("code", equalTo("share-password-required"));
    given().header("X-Share-Password", "wrong guess").when().get("/share/" + shareToken).then().statusCode(401)
        .contentType("application/problem+json").body("code", equalTo("share-password-incorrect"));
    given().header("X-Share-Password", "open sesame").when().get("/share/" + shareToken)
        .then().statusCode(200)
        .header("Cache-Control", "private, no-store")
        .header("Referrer-Policy", "no-referrer");
  }

  @Test
  void passwordGuessingIsThrottled() {
    String shareToken = share(Map.of("password", "open sesame")).path("token");
    for (int i = 0; i < 5; i++) {
      given().header("X-Share-Password", "guess " + i).header("X-Forwarded-For", "192.0.2.44")
          .when().get("/share/" + shareToken).then().statusCode(401);
    }
    given().header("X-Share-Password", "guess 6").header("X-Forwarded-For", "192.0.2.44")
        .when().get("/share/" + shareToken)
        .then().statusCode(429).header("Retry-After", notNullValue());
  }

  @Test
  void parallelPasswordGuessesGetNoMoreThanTheFreeAttemptsBetweenThem() throws Exception {
    String shareToken = share(Map.of("password", "open sesame")).path("token");
    int guesses = 24;
    List<Integer> statuses = Simultaneously.run(guesses,
        i -> given().header("X-Share-Password", "parallel guess " + i)
            .header("X-Forwarded-For", "192.0.2.45")
            .when().get("/share/" + shareToken).statusCode());
    // satchel.login.free-attempts is 5; the 30 s base delay of the test profile lets no more through.
    assertThat(statuses).filteredOn(s -> s == 401).hasSize(5);
    assertThat(statuses).filteredOn(s -> s == 429).hasSize(guesses - 5);
  }

  @Test
  void revokedLinkAnswersGoneAtOnce() {
    Response created = share(null);
    String shareToken = created.path("token");
    download(shareToken).then().statusCode(200);
    Api.as(token).when().delete("/shares/" + created.path("share_id")).then().statusCode(204);
    download(shareToken).then().statusCode(410);
    Api.as(token).when().get("/files/" + fileId + "/shares").then().body("[0].revoked", equalTo(true));
  }

  @Test
  void anotherUserCannotShareListOrRevoke() {
    String shareId = share(null).path("share_id");
    String intruder = Api.newUserToken();
    Api.as(intruder).contentType(ContentType.JSON).when().post("/files/" + fileId + "/share").then().statusCode(404);
    Api.as(intruder).when().get("/files/" + fileId + "/shares").then().statusCode(404);
    Api.as(intruder).when().delete("/shares/" + shareId).then().statusCode(404);
    Api.as(token).when().get("/files/" + fileId + "/shares").then().body("[0].revoked", equalTo(false));
  }

  @Test
  void deletingTheFileKillsItsLinks() {
    String shareToken = share(null).path("token");
    download(shareToken).then().statusCode(200);
    Api.as(token).when().delete("/files/" + fileId).then().statusCode(204);
    download(shareToken).then().statusCode(410);
  }

  @Test
  void listingShowsDownloadCounts() {
    String shareToken = share(null).path("token");
    download(shareToken).then().statusCode(200);
    download(shareToken).then().statusCode(200);
    awaitDownloadCount(2);
    Api.as(token).when().get("/files/" + fileId + "/shares").then().body("[0].status", equalTo("active"));
  }

  @Test
  void parallelDownloadsOfAnUnlimitedLinkAreEachCountedOnceWithinSeconds() throws Exception {
    String shareToken = share(null).path("token");
    int clients = 8;
    int each = 6;
    List<List<Integer>> perClient = Simultaneously.run(clients, i -> {
      List<Integer> mine = new ArrayList<>();
      for (int d = 0; d < each; d++) {
        mine.add(download(shareToken).statusCode());
      }
      return mine;
    });
    assertThat(perClient).flatMap(mine -> mine).hasSize(clients * each).containsOnly(200);
    awaitDownloadCount(clients * each);
  }

  // Downloads of unlimited links reach the count with the next flush (every second).
  private void awaitDownloadCount(int expected) {
    Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
        Api.as(token).when().get("/files/" + fileId + "/shares").then().statusCode(200)
            .body("[0].download_count", equalTo(expected)));
  }
}
