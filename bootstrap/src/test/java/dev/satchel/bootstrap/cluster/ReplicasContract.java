package dev.satchel.bootstrap.cluster;

import dev.satchel.application.event.EventRecorder;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.satchel.application.share.ShareFileCommand;
import dev.satchel.application.share.SharedFile;
import dev.satchel.bootstrap.Api;
import dev.satchel.bootstrap.Db;
import dev.satchel.bootstrap.Uploads;
import dev.satchel.domain.auth.AttemptCounter;
import dev.satchel.domain.cache.MetadataCache;
import dev.satchel.domain.error.FileNotFound;
import dev.satchel.domain.error.ShareGone;
import dev.satchel.domain.file.FileId;
import dev.satchel.domain.file.FileMetadata;
import dev.satchel.domain.file.FileMetadataRepository;
import dev.satchel.domain.id.IdGenerator;
import dev.satchel.domain.share.ShareId;
import dev.satchel.domain.share.ShareGrants;
import dev.satchel.domain.share.ShareLinkRepository;
import dev.satchel.domain.storage.BlobStorage;
import dev.satchel.domain.tx.TransactionBoundary;
import dev.satchel.domain.user.PasswordHasher;
import dev.satchel.domain.user.UserId;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas on one database and one blob directory: the application under test (replica A,
 * over HTTP) and a {@link SecondReplica} B with a cache of its own. What one replica deletes,
 * revokes or exhausts, the other stops serving within a second on every endpoint, whatever it
 * had cached, and no link is ever created on a deleted file.
 */
abstract class ReplicasContract {
  /** The intent is one second; the rest is headroom for a loaded two-core test machine. */
  static final Duration WITHIN_A_SECOND = Duration.ofSeconds(2);

  @Inject FileMetadataRepository files;
  @Inject ShareLinkRepository shares;
  @Inject BlobStorage blobs;
  @Inject TransactionBoundary tx;
  @Inject PasswordHasher hasher;
  @Inject IdGenerator ids;
  @Inject Clock clock;
  @Inject AttemptCounter attempts;
  @Inject ShareGrants grants;
  @Inject EventRecorder events;

  SecondReplica b;
  String token;
  UserId owner;
  String fileId;
  String shareToken;
  String shareId;

  /** Replica B's own metadata cache, of the backend under test. */
  abstract MetadataCache secondReplicaCache();

  @BeforeEach
  void twoReplicasAndAFileSharedOnA() throws SQLException {
    b = new SecondReplica(
        new SecondReplica.Ports(files, shares, blobs, tx, hasher, ids, clock, attempts, grants, events), secondReplicaCache());
    String email = Api.registerNewUser();
    token = Api.logIn(email);
    owner = new UserId(UUID.fromString(Db.queryString("SELECT id FROM satchel.users WHERE email_normalized = ?", email)));
    fileId = Uploads.uploadedId(token, "replicated.txt", "on both replicas".getBytes(StandardCharsets.UTF_8));
    var created = Api.as(token).contentType(ContentType.JSON).body("{}").when().post("/files/" + fileId + "/share")
        .then().statusCode(201).extract();
    shareToken = created.path("token");
    shareId = created.path("share_id");
  }

  static ConditionFactory await() {
    return Awaitility.await().atMost(WITHIN_A_SECOND).pollInterval(Duration.ofMillis(50));
  }

  @Test
  void fileDeletedOnBIsGoneFromEveryEndpointOfA() throws SQLException {
    warmA();

    b.deleteFile.delete(owner, fileId());

    await().untilAsserted(() -> {
      Api.as(token).when().get("/files/" + fileId).then().statusCode(404);
      Api.as(token).when().get("/files/" + fileId + "/content").then().statusCode(404);
      Api.as(token).when().head("/files/" + fileId + "/content").then().statusCode(404);
      Api.as(token).when().get("/files/" + fileId + "/shares").then().statusCode(404);
      Api.as(token).contentType(ContentType.JSON).body("{}").when().post("/files/" + fileId + "/share")
          .then().statusCode(404);
      given().when().get("/share/" + shareToken).then().statusCode(410);
      given().when().head("/share/" + shareToken).then().statusCode(410);
    });
    assertThat(linksOnTheFile()).isEqualTo(1);
  }

  @Test
  void fileDeletedOnAIsGoneFromEveryUseCaseOfB() throws SQLException {
    FileMetadata cachedOnB = b.getFile.get(owner, fileId());
    b.openShared.inspect(SecondReplica.visit(shareToken));

    Api.as(token).when().delete("/files/" + fileId).then().statusCode(204);

    await().untilAsserted(() -> {
      assertThatThrownBy(() -> b.getFile.get(owner, fileId())).isInstanceOf(FileNotFound.class);
      assertThatThrownBy(() -> b.readContent.read(cachedOnB, Optional.empty())).isInstanceOf(FileNotFound.class);
      assertThatThrownBy(() -> b.listShares.list(owner, fileId())).isInstanceOf(FileNotFound.class);
      assertThatThrownBy(() -> b.openShared.inspect(SecondReplica.visit(shareToken)))
          .isInstanceOfSatisfying(ShareGone.class, e -> assertThat(e.reason()).isEqualTo(ShareGone.Reason.FILE_DELETED));
    });
    assertThatThrownBy(() -> b.shareFile.share(new ShareFileCommand(owner, fileId(), OptionalLong.empty(),
        OptionalInt.empty(), Optional.empty()))).isInstanceOf(FileNotFound.class);
    assertThat(linksOnTheFile()).isEqualTo(1);
  }

  @Test
  void linkCannotBeCreatedOnAFileTheOtherReplicaDeletedEvenBeforeItsCacheHears() throws SQLException {
    b.getFile.get(owner, fileId());
    // Deleted in the database directly: no replica broadcasts anything.
    Db.update("UPDATE satchel.files SET deleted_at = now() WHERE id = ?", UUID.fromString(fileId));

    assertThatThrownBy(() -> b.shareFile.share(new ShareFileCommand(owner, fileId(), OptionalLong.empty(),
        OptionalInt.empty(), Optional.empty()))).isInstanceOf(FileNotFound.class);
    Api.as(token).contentType(ContentType.JSON).body("{}").when().post("/files/" + fileId + "/share")
        .then().statusCode(404);
    assertThat(linksOnTheFile()).isEqualTo(1);
  }

  @Test
  void linkRevokedOnBIsGoneOnA() {
    warmA();

    b.revokeShare.revoke(owner, new ShareId(UUID.fromString(shareId)));

    await().untilAsserted(() -> {
      given().when().head("/share/" + shareToken).then().statusCode(410);
      given().when().get("/share/" + shareToken).then().statusCode(410);
    });
  }

  @Test
  void linkRevokedOnAIsGoneOnB() {
    b.openShared.inspect(SecondReplica.visit(shareToken));

    Api.as(token).when().delete("/shares/" + shareId).then().statusCode(204);

    await().untilAsserted(() -> assertThatThrownBy(() -> b.openShared.inspect(SecondReplica.visit(shareToken)))
        .isInstanceOfSatisfying(ShareGone.class, e -> assertThat(e.reason()).isEqualTo(ShareGone.Reason.REVOKED)));
  }

  @Test
  void linkExhaustedOnBIsGoneOnA() {
    String once = oneDownloadLink();
    given().when().head("/share/" + once).then().statusCode(200);
    given().when().head("/share/" + once).then().statusCode(200);

    SharedFile shared = b.openShared.inspect(SecondReplica.visit(once));
    b.openShared.claimDownload(shared);

    await().untilAsserted(() -> {
      given().when().head("/share/" + once).then().statusCode(410);
      given().when().get("/share/" + once).then().statusCode(410);
    });
  }

  @Test
  void linkExhaustedOnAIsGoneOnB() {
    String once = oneDownloadLink();
    b.openShared.inspect(SecondReplica.visit(once));

    given().when().get("/share/" + once).then().statusCode(200);

    await().untilAsserted(() -> assertThatThrownBy(() -> b.openShared.inspect(SecondReplica.visit(once)))
        .isInstanceOfSatisfying(ShareGone.class, e -> assertThat(e.reason()).isEqualTo(ShareGone.Reason.EXHAUSTED)));
  }

  /** Makes A cache the file and the link: metadata, content headers, link headers. */
  void warmA() {
    for (int i = 0; i < 2; i++) {
      Api.as(token).when().get("/files/" + fileId).then().statusCode(200);
      Api.as(token).when().head("/files/" + fileId + "/content").then().statusCode(200);
      given().when().head("/share/" + shareToken).then().statusCode(200);
    }
  }

  FileId fileId() {
    return FileId.parse(fileId);
  }

  String oneDownloadLink() {
    return Api.as(token).contentType(ContentType.JSON).body("{\"max_downloads\": 1}")
        .when().post("/files/" + fileId + "/share").then().statusCode(201).extract().path("token");
  }

  int linksOnTheFile() throws SQLException {
    return Integer.parseInt(Db.queryString("SELECT count(*) FROM satchel.share_links WHERE file_id = ?",
        UUID.fromString(fileId)));
  }
}
