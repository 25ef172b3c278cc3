package dev.satchel.bootstrap.share;

import dev.satchel.bootstrap.AdjustableClock;
import dev.satchel.bootstrap.Api;
import dev.satchel.bootstrap.Uploads;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import static io.restassured.RestAssured.given;

/** A fresh user with one uploaded file to share, for the share-link tests. */
abstract class SharedFileFixture {
  String token;
  String fileId;
  byte[] content;

  @BeforeEach
  void fileToShare() {
    token = Api.newUserToken();
    content = Uploads.randomBytes(4096, 42);
    fileId = Uploads.uploadedId(token, "shared report.pdf", content);
  }

  @AfterEach
  void realTime() {
    AdjustableClock.reset();
  }

  Response share(Object body) {
    var request = Api.as(token).contentType(ContentType.JSON);
    if (body != null) {
      request = request.body(body);
    }
    return request.when().post("/files/" + fileId + "/share");
  }

  static Response download(String shareToken) {
    return given().when().get("/share/" + shareToken);
  }
}
