package dev.satchel.bootstrap.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.satchel.bootstrap.Api;
import dev.satchel.bootstrap.TestEnvironmentResource;
import dev.satchel.bootstrap.Uploads;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code Allow} on the wire: every {@code 405} carries the path's methods (RFC 9110 §15.5.6), and
 * {@code OPTIONS} lists those of the path, not of the whole resource class.
 */
@QuarkusTest
@WithTestResource(value = TestEnvironmentResource.class, scope = TestResourceScope.GLOBAL)
class AllowHeaderTest {
  private String token;
  private String fileId;

  @BeforeEach
  void aUserWithAFile() {
    token = Api.newUserToken();
    fileId = Uploads.upload(token, "a.txt", "hello".getBytes()).then().statusCode(201).extract().path("file_id");
  }

  @Test
  void aMethodThePathDoesNotHaveIs405WithTheMethodsItHas() {
    Api.as(token).when().put("/files/" + fileId + "/content").then().statusCode(405)
        .contentType("application/problem+json").header("Allow", "GET, HEAD, OPTIONS");
    Api.as(token).when().post("/files/" + fileId).then().statusCode(405)
        .header("Allow", "DELETE, GET, HEAD, OPTIONS");
    Api.as(token).when().put("/files/search").then().statusCode(405).header("Allow", "GET, HEAD, OPTIONS");
    given().when().get("/upload").then().statusCode(405).header("Allow", "OPTIONS, POST");
    given().when().delete("/login").then().statusCode(405).header("Allow", "OPTIONS, POST");
    given().when().post("/share/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").then().statusCode(405)
        .header("Allow", "GET, HEAD, OPTIONS");
    // Quarkus REST answered these with its "no resource" 404, though the path exists for POST.
    for (String method : new String[] {"GET", "PUT", "DELETE", "PATCH"}) {
      given().when().request(method, "/share/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/unlock").then().statusCode(405)
          .contentType("application/problem+json").body("code", equalTo("method-not-allowed"))
          .header("Allow", "OPTIONS, POST");
    }
    // A domain 404 on a path that exists stays a 404.
    Api.as(token).when().get("/files/0192f4b6-3c1d-7a2e-9f10-1234567890ab").then().statusCode(404)
        .body("code", equalTo("file-not-found"));
  }

  @Test
  void optionsListsThePathsOwnMethods() {
    given().when().options("/upload").then().statusCode(200).header("Allow", equalTo("OPTIONS, POST"));
    Api.as(token).when().options("/files/" + fileId).then().statusCode(200)
        .header("Allow", equalTo("DELETE, GET, HEAD, OPTIONS"));
    Api.as(token).when().options("/files/search").then().statusCode(200).header("Allow", equalTo("GET, HEAD, OPTIONS"));
    given().when().options("/share/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").then().statusCode(200)
        .header("Allow", equalTo("GET, HEAD, OPTIONS"));
    // tus capabilities (204) list the upload URLs' methods too
    given().when().options("/uploads").then().statusCode(204).header("Allow", equalTo("OPTIONS, POST"));
  }

  @Test
  void optionsOnAPathNoResourceHasIsTheSame404AsGet() {
    for (String path : new String[] {"/nonexistent", "/FILES", "/share/x/unlock/more"}) {
      given().when().options(path).then().statusCode(404).contentType("application/problem+json")
          .header("Allow", org.hamcrest.Matchers.nullValue());
      given().when().get(path).then().statusCode(404);
    }
  }
}
