package dev.satchel.bootstrap.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import dev.satchel.bootstrap.TestEnvironmentResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = TestEnvironmentResource.class, scope = TestResourceScope.GLOBAL)
class OperationsEndpointsTest {

  @Test
  void readinessIsUpWithTheDatabaseCheck() {
    given().when().get("/q/health/ready")
        .then().statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItems("Database connections health check"));
  }

  @Test
  void livenessIsUp() {
    given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
  }

  @Test
  void storageReportsItsOwnStateAsWellness() {
    given().when().get("/q/health")
        .then().statusCode(200)
        .body("checks.find { it.name == 'blob-storage' }.status", equalTo("UP"))
        .body("checks.find { it.name == 'blob-storage' }.data.type", equalTo("local"));
  }

  @Test
  void openApiDocumentDescribesEveryEndpointOfTheContract() {
    given().queryParam("format", "json").when().get("/q/openapi")
        .then().statusCode(200)
        .body("info.title", equalTo("Satchel API"))
        .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
        .body("paths.'/register'.post.responses.'409'", notNullValue())
        .body("paths.'/login'.post.responses.'401'", notNullValue())
        .body("paths.'/upload'.post.responses.'413'", notNullValue())
        .body("paths.'/files'.get", notNullValue())
        .body("paths.'/files/search'.get.responses.'400'", notNullValue())
        .body("paths.'/files/{file_id}'.get.responses.'404'", notNullValue())
        .body("paths.'/files/{file_id}'.delete", notNullValue())
        .body("paths.'/files/{file_id}/content'.get.responses.'206'", notNullValue())
        .body("paths.'/files/{file_id}/share'.post.responses.'201'", notNullValue())
        .body("paths.'/files/{file_id}/shares'.get", notNullValue())
        .body("paths.'/shares/{share_id}'.delete.responses.'404'", notNullValue())
        .body("paths.'/share/{token}'.get.responses.'410'", notNullValue());
  }

  @Test
  void prometheusMetricsAreServed() {
    given().when().get("/q/metrics")
        .then().statusCode(200)
        .body(containsString("jvm_memory_used_bytes"));
  }

  @Test
  void satchelCountsUploadsDownloadsBytesAndCacheUse() {
    String token = dev.satchel.bootstrap.Api.newUserToken();
    String id = dev.satchel.bootstrap.Uploads.uploadedId(token, "metered.bin", new byte[1000]);
    dev.satchel.bootstrap.Api.as(token).when().get("/files/" + id).then().statusCode(200);
    dev.satchel.bootstrap.Api.as(token).when().get("/files/" + id + "/content").then().statusCode(200);
    org.assertj.core.api.Assertions.assertThat(
        dev.satchel.bootstrap.Metrics.value("satchel_uploads_total", "outcome=\"stored\"")).isPositive();
    org.assertj.core.api.Assertions.assertThat(dev.satchel.bootstrap.Metrics.value("satchel_upload_bytes_total")).isGreaterThanOrEqualTo(1000);
    org.assertj.core.api.Assertions.assertThat(
        dev.satchel.bootstrap.Metrics.value("satchel_downloads_total", "kind=\"whole\"")).isPositive();
    org.assertj.core.api.Assertions.assertThat(dev.satchel.bootstrap.Metrics.value("satchel_download_bytes_total")).isGreaterThanOrEqualTo(1000);
    given().when().get("/q/metrics").then().body(containsString("satchel_cache_requests_total"));
  }
}
