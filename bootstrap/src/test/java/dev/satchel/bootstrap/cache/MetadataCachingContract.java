package dev.satchel.bootstrap.cache;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.satchel.bootstrap.Api;
import dev.satchel.bootstrap.Metrics;
import dev.satchel.bootstrap.Uploads;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the metadata cache must do end to end, whatever its backend. */
abstract class MetadataCachingContract {
  String token;
  String fileId;

  abstract String backend();

  @BeforeEach
  void file() {
    token = Api.newUserToken();
    fileId = Uploads.uploadedId(token, "cached.txt", "cache me".getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  double fileHits() {
    return Metrics.value("satchel_cache_requests_total", "backend=\"" + backend() + "\"", "cache=\"file\"", "result=\"hit\"");
  }

  @Test
  void secondMetadataReadIsServedFromTheCache() {
    Api.as(token).when().get("/files/" + fileId).then().statusCode(200);
    double hitsBefore = fileHits();
    Api.as(token).when().get("/files/" + fileId).then().statusCode(200);
    assertThat(fileHits()).isEqualTo(hitsBefore + 1);
  }

  @Test
  void deleteInvalidatesTheCachedFile() {
    Api.as(token).when().get("/files/" + fileId).then().statusCode(200);
    Api.as(token).when().get("/files/" + fileId).then().statusCode(200);
    Api.as(token).when().delete("/files/" + fileId).then().statusCode(204);
    Api.as(token).when().get("/files/" + fileId).then().statusCode(404);
  }

  @Test
  void revokeInvalidatesTheCachedLink() {
    var created = Api.as(token).contentType(ContentType.JSON).when().post("/files/" + fileId + "/share");
    String shareToken = created.path("token");
    given().when().get("/share/" + shareToken).then().statusCode(200);
    given().when().get("/share/" + shareToken).then().statusCode(200);
    Api.as(token).when().delete("/shares/" + created.path("share_id")).then().statusCode(204);
    given().when().get("/share/" + shareToken).then().statusCode(410);
  }

  @Test
  void exhaustedLinkIsNotServedFromTheCache() {
    String shareToken = Api.as(token).contentType(ContentType.JSON).body("{\"max_downloads\": 2}")
        .when().post("/files/" + fileId + "/share").path("token");
    given().when().get("/share/" + shareToken).then().statusCode(200);
    given().when().get("/share/" + shareToken).then().statusCode(200);
    given().when().get("/share/" + shareToken).then().statusCode(410);
  }
}
