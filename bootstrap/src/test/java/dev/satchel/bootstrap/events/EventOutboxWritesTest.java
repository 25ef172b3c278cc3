package dev.satchel.bootstrap.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.satchel.bootstrap.Api;
import dev.satchel.bootstrap.Db;
import dev.satchel.bootstrap.TestEnvironmentResource;
import dev.satchel.bootstrap.Uploads;
import dev.satchel.bootstrap.jobs.DownloadCountFlush;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every change of files and links writes its event in its own transaction, as read straight from
 * the outbox table; a change that rolls back writes none.
 */
@QuarkusTest
@WithTestResource(value = TestEnvironmentResource.class, scope = TestResourceScope.GLOBAL)
class EventOutboxWritesTest {
  @Inject DownloadCountFlush flush;

  @Test
  void theLifeOfAFileAndItsLinksIsTheOwnersEventLog() throws SQLException {
    String email = Api.registerNewUser();
    String token = Api.logIn(email);
    String owner = Db.queryString("SELECT CAST(id AS text) FROM satchel.users WHERE email_normalized = ?", email);
    String fileId = Uploads.uploadedId(token, "log.txt", "twelve bytes".getBytes(StandardCharsets.UTF_8));
    JsonPath limited = share(token, fileId, "{\"max_downloads\": 1}");
    JsonPath unlimited = share(token, fileId, "{}");
    given().when().get("/share/" + limited.getString("token")).then().statusCode(200);
    given().when().get("/share/" + unlimited.getString("token")).then().statusCode(200);
    given().when().get("/share/" + unlimited.getString("token")).then().statusCode(200);
    flush.flushNow();
    Api.as(token).when().delete("/shares/" + unlimited.getString("share_id")).then().statusCode(204);
    Api.as(token).when().delete("/files/" + fileId).then().statusCode(204);

    List<String> log = Db.queryStrings("SELECT type || ' ' || CAST(data AS text) FROM satchel.events"
        + " WHERE owner_id = CAST(? AS uuid) ORDER BY transaction_id, position", owner);

    String file = "\"file_id\":\"" + fileId + "\"";
    String one = "\"share_id\":\"" + limited.getString("share_id") + "\"," + file;
    String other = "\"share_id\":\"" + unlimited.getString("share_id") + "\"," + file;
    assertThat(log).hasSize(9);
    assertThat(log.get(0)).isEqualTo("file.uploaded {" + file
        + ",\"filename\":\"log.txt\",\"size\":12,\"content_type\":\"text/plain\"}");
    assertThat(log.get(1)).startsWith("share.created {" + one + ",\"expires_at\":\"").endsWith("\",\"max_downloads\":1}");
    assertThat(log.get(2)).startsWith("share.created {" + other + ",\"expires_at\":\"").doesNotContain("max_downloads");
    assertThat(log.subList(3, 5)).containsExactly(
        "share.downloaded {" + one + ",\"download_count\":1}", "share.exhausted {" + one + ",\"download_count\":1}");
    assertThat(log.subList(5, 7)).containsExactly(
        "share.downloaded {" + other + ",\"download_count\":1}", "share.downloaded {" + other + ",\"download_count\":2}");
    assertThat(log.get(7)).isEqualTo("share.revoked {" + other + "}");
    assertThat(log.get(8)).startsWith("file.deleted {" + file + ",\"filename\":\"log.txt\"");
  }

  /**
   * A deferred trigger fails the commit of one upload after its file row and its event were
   * written: the client gets an error, and neither the row nor the event exists.
   */
  @Test
  void anUploadThatRollsBackWritesNoEvent() throws SQLException {
    String poison = "rollback-" + UUID.randomUUID() + ".txt";
    Db.update("CREATE OR REPLACE FUNCTION satchel.fail_poisoned_upload() RETURNS trigger LANGUAGE plpgsql AS $$"
        + " BEGIN IF NEW.filename = '" + poison + "' THEN RAISE EXCEPTION 'poisoned upload'; END IF; RETURN NEW; END $$");
    Db.update("CREATE CONSTRAINT TRIGGER fail_poisoned_upload AFTER INSERT ON satchel.files"
        + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION satchel.fail_poisoned_upload()");
    try {
      String token = Api.newUserToken();
      int status = Uploads.upload(token, poison, "never committed".getBytes(StandardCharsets.UTF_8)).statusCode();

      assertThat(status).isGreaterThanOrEqualTo(500);
      assertThat(Db.queryStrings("SELECT id FROM satchel.files WHERE filename = ?", poison)).isEmpty();
      assertThat(Db.queryStrings("SELECT id FROM satchel.events WHERE data->>'filename' = ?", poison)).isEmpty();
      Uploads.uploadedId(token, "fine.txt", "committed".getBytes(StandardCharsets.UTF_8));
      assertThat(Db.queryStrings("SELECT id FROM satchel.events WHERE data->>'filename' = 'fine.txt'")).isNotEmpty();
    } finally {
      Db.update("DROP TRIGGER fail_poisoned_upload ON satchel.files");
      Db.update("DROP FUNCTION satchel.fail_poisoned_upload()");
    }
  }

  private static JsonPath share(String token, String fileId, String body) {
    return Api.as(token).contentType(ContentType.JSON).body(body).when().post("/files/" + fileId + "/share")
        .then().statusCode(201).extract().jsonPath();
  }
}
