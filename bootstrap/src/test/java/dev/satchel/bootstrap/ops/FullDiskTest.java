package dev.satchel.bootstrap.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.nullValue;

import dev.satchel.bootstrap.Api;
import dev.satchel.bootstrap.ConstrainedInstanceProfile;
import dev.satchel.bootstrap.FillableDisk;
import dev.satchel.bootstrap.TestEnvironmentResource;
import dev.satchel.bootstrap.Uploads;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A disk that is really full (writes meet the kernel's ENOSPC): uploads answer 507 without an
 * invitation to retry soon, nothing partial stays, the storage wellness check turns DOWN with its
 * free space, and everything works again once space returns.
 */
@QuarkusTest
@TestProfile(ConstrainedInstanceProfile.class)
@WithTestResource(value = TestEnvironmentResource.class, scope = TestResourceScope.GLOBAL)
class FullDiskTest {
  @Inject FillableDisk disk;

  @AfterEach
  void freeSpace() {
    disk.free();
  }

  @Test
  void fullDiskAnswers507LeavesNothingAndRecoversWhenSpaceReturns() {
    String token = Api.newUserToken();
    byte[] content = Uploads.randomBytes(300_000, 21);
    disk.fill();

    Uploads.upload(token, "big.bin", content)
        .then().statusCode(507)
        .contentType("application/problem+json")
        .header("Retry-After", nullValue())
        .body("code", equalTo("storage-full"))
        .body("status", equalTo(507));
    assertThat(disk.tempFiles()).isEmpty();
    Api.as(token).when().get("/files").then().statusCode(200).body("size()", equalTo(0));
    given().when().get("/q/health/well").then().statusCode(503)
        .body("checks.find { it.name == 'blob-storage' }.status", equalTo("DOWN"))
        .body("checks.find { it.name == 'blob-storage' }.data.free-bytes", equalTo(0));
    given().when().get("/q/health/ready").then().statusCode(200);

    disk.free();

    String id = Uploads.uploadedId(token, "big.bin", content);
    assertThat(Api.as(token).when().get("/files/" + id + "/content").then().extract().asByteArray()).isEqualTo(content);
    given().when().get("/q/health/well").then().statusCode(200)
        .body("checks.find { it.name == 'blob-storage' }.status", equalTo("UP"))
        .body("checks.find { it.name == 'blob-storage' }.data.free-bytes", greaterThan(0L));
  }
}
