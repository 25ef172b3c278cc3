package dev.satchel.bootstrap.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.satchel.bootstrap.TestEnvironmentResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
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

  /**
   * The README sends readers to the API docs page. Its files come from the class path through
   * Vert.x's file resolver, so turning class-path resolving off (which saves one stat per sent
   * file) breaks it: tried, and this test is why it stays on.
   */
  @Test
  void theApiDocsPageIsServed() {
    given().when().get("/q/swagger-ui/")
        .then().statusCode(200)
        .contentType(containsString("text/html"))
        .body(containsString("swagger-ui"));
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
  void openApiDocumentNamesPropertiesAsTheWireDoes() {
    given().queryParam("format", "json").when().get("/q/openapi")
        .then().statusCode(200)
        .body("components.schemas.Token.properties.keySet()", containsInAnyOrder("access_token", "token_type", "expires_in"))
        .body("components.schemas.Token.required", containsInAnyOrder("access_token", "token_type", "expires_in"))
        .body("components.schemas.ShareRequest.properties.keySet()",
            containsInAnyOrder("expires_in", "max_downloads", "password"))
        .body("components.schemas.CreatedShare.properties.max_downloads.type", hasItems("integer", "null"))
        .body("components.schemas.CreatedShare.required", hasItems("share_id", "token", "share_url", "max_downloads"))
        .body("components.schemas.ShareLink.properties.keySet()", hasItems("download_count", "password_protected"))
        .body("components.schemas.FileMetadata.required",
            containsInAnyOrder("file_id", "filename", "size", "content_type", "checksum_sha256", "upload_date", "encrypted"))
        .body("components.schemas.FileMetadata.properties.size.format", equalTo("int64"))
        .body("components.schemas.FileMetadata.properties.upload_date.'$ref'", equalTo("#/components/schemas/Instant"))
        .body("components.schemas.Instant.format", equalTo("date-time"))
        .body("components.schemas.Problem.required", containsInAnyOrder("type", "title", "status", "code"))
        .body("components.schemas.Problem.properties.keySet()",
            containsInAnyOrder("type", "title", "status", "detail", "instance", "code", "field"));
  }

  @Test
  void openApiDocumentTypesParametersAndBinaryBodies() {
    given().queryParam("format", "json").when().get("/q/openapi")
        .then().statusCode(200)
        .body("paths.'/files/{file_id}'.get.operationId", equalTo("getFile"))
        .body("paths.'/files/{file_id}'.get.parameters.find { it.name == 'file_id' }.schema.format", equalTo("uuid"))
        .body("paths.'/shares/{share_id}'.delete.parameters.find { it.name == 'share_id' }.schema.format",
            equalTo("uuid"))
        .body("paths.'/files/search'.get.parameters.find { it.name == 'min_size' }.schema.format", equalTo("int64"))
        .body("paths.'/files/search'.get.parameters.find { it.name == 'limit' }.schema.format", equalTo("int32"))
        .body("paths.'/files/search'.get.parameters.find { it.name == 'uploaded_after' }.schema.format",
            equalTo("date-time"))
        .body("paths.'/upload'.post.parameters", nullValue())
        .body("components.responses.FileContent.content.'*/*'.schema.format", equalTo("binary"))
        .body("components.responses.FileRange.headers.keySet()", hasItems("Content-Range", "ETag", "Last-Modified"))
        .body("paths.'/files/{file_id}/content'.get.responses.'416'.'$ref'",
            equalTo("#/components/responses/RangeNotSatisfiable"))
        .body("paths.'/share/{token}'.get.responses.'412'.'$ref'", equalTo("#/components/responses/PreconditionFailed"))
        .body("paths.'/share/{token}'.get.operationId", equalTo("downloadShared"));
  }

  @Test
  void everyOperationDocumentsTheStandardProblemAnswers() {
    Map<String, Map<String, Map<String, Object>>> paths = given().queryParam("format", "json")
        .when().get("/q/openapi").then().statusCode(200).extract().jsonPath().getMap("paths");
    paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
      String name = method + " " + path;
      @SuppressWarnings("unchecked")
      Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
      assertThat(operation.get("operationId")).as(name).isNotNull();
      assertThat(responses).as(name).containsKeys("429", "500", "503");
      assertThat(responses.get("429").get("headers")).as(name).asString().contains("Retry-After");
      assertThat(responses.get("503").get("headers")).as(name).asString().contains("Retry-After");
      assertThat(responses.get("429").get("headers")).as(name).asString().contains("RateLimit-Policy=", "RateLimit=");
      // An empty list is an operation that needs no token (the tus OPTIONS).
      if (operation.get("security") instanceof List<?> security && !security.isEmpty()) {
        assertThat(responses.get("401").get("headers")).as(name).asString().contains("WWW-Authenticate");
      }
      // The browser form's own refusals are pages; the framework's (415, 5xx) stay problem+json.
      String[] errorBodies = path.endsWith("/unlock")
          ? new String[] {"text/html", "application/problem+json"} : new String[] {"application/problem+json"};
      if (!method.equals("head")) {
        responses.forEach((status, response) -> {
          if (status.matches("[45]\\d\\d") && !response.containsKey("$ref")) {
            assertThat(response.get("content")).as(name + " " + status).asString().containsAnyOf(errorBodies);
          }
        });
      }
    }));
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
    org.assertj.core.api.Assertions.assertThat(dev.satchel.bootstrap.Metrics.value("satchel_upload_bytes_total", "kind=\"form\"")).isGreaterThanOrEqualTo(1000);
    org.assertj.core.api.Assertions.assertThat(
        dev.satchel.bootstrap.Metrics.value("satchel_downloads_total", "kind=\"whole\"")).isPositive();
    org.assertj.core.api.Assertions.assertThat(dev.satchel.bootstrap.Metrics.value("satchel_download_bytes_total")).isGreaterThanOrEqualTo(1000);
    given().when().get("/q/metrics").then().body(containsString("satchel_cache_requests_total"));
  }
}
