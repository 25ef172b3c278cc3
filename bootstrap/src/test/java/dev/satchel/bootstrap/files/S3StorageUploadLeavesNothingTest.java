package dev.satchel.bootstrap.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.satchel.bootstrap.Api;
import dev.satchel.bootstrap.Db;
import dev.satchel.bootstrap.S3StorageProfile;
import dev.satchel.bootstrap.StorageRelay;
import dev.satchel.bootstrap.TcpProxy;
import dev.satchel.bootstrap.TestEnvironmentResource;
import dev.satchel.bootstrap.Uploads;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Refused uploads and a storage outage with blobs in S3 (a real S3 API in-process). */
@QuarkusTest
@TestProfile(S3StorageProfile.class)
@WithTestResource(value = TestEnvironmentResource.class, scope = TestResourceScope.GLOBAL)
class S3StorageUploadLeavesNothingTest extends UploadLeavesNothingContract {

  @StorageRelay
  TcpProxy storage;

  @AfterEach
  void restoreStorage() {
    storage.restore();
  }

  @Test
  void storageOutageFailsUploadsCleanlyWhileMetadataStaysReadable() throws Exception {
    String id = Uploads.uploadedId(token, "before.txt", "kept".getBytes(StandardCharsets.UTF_8));
    String rowsBefore = Db.queryString("SELECT count(*) FROM satchel.files");

    storage.cut();

    Uploads.upload(token, "during.txt", "lost".getBytes(StandardCharsets.UTF_8))
        .then().statusCode(503).contentType("application/problem+json").body("code", equalTo("storage-unavailable"));
    assertThat(Db.queryString("SELECT count(*) FROM satchel.files")).isEqualTo(rowsBefore);
    Api.as(token).when().get("/files/" + id).then().statusCode(200);
    io.restassured.RestAssured.given().when().get("/q/health/ready").then().statusCode(200);
    io.restassured.RestAssured.given().when().get("/q/health")
        .then().body("checks.find { it.name == 'blob-storage' }.status", equalTo("DOWN"));

    storage.restore();

    Uploads.upload(token, "after.txt", "back".getBytes(StandardCharsets.UTF_8)).then().statusCode(201);
  }
}
