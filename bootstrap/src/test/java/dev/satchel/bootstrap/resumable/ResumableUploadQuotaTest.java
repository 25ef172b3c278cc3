package dev.satchel.bootstrap.resumable;

import static org.hamcrest.Matchers.equalTo;

import dev.satchel.bootstrap.Api;
import dev.satchel.bootstrap.SmallQuotaProfile;
import dev.satchel.bootstrap.TestEnvironmentResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** The quota is checked when an upload is created, counting the room the caller's unfinished uploads may take. */
@QuarkusTest
@TestProfile(SmallQuotaProfile.class)
@WithTestResource(value = TestEnvironmentResource.class, scope = TestResourceScope.GLOBAL)
class ResumableUploadQuotaTest {

  @Test
  void anUploadOverTheQuotaIsRefusedAtCreation() {
    String token = Api.newUserToken();
    long quota = SmallQuotaProfile.QUOTA_BYTES;
    Tus.as(token).header("Upload-Length", String.valueOf(quota + 1)).when().post("/uploads")
        .then().statusCode(507).contentType("application/problem+json").body("code", equalTo("quota-exceeded"));

    String url = Tus.create(token, quota - 1000, "most.bin");
    // The first upload has not sent a byte, but may still take its room.
    Tus.as(token).header("Upload-Length", "1001").when().post("/uploads").then().statusCode(507);
    Tus.as(token).header("Upload-Length", "1000").when().post("/uploads").then().statusCode(201);

    Tus.as(token).when().delete(url).then().statusCode(204);
    Tus.as(token).header("Upload-Length", String.valueOf(quota - 1000)).when().post("/uploads").then().statusCode(201);
  }
}
