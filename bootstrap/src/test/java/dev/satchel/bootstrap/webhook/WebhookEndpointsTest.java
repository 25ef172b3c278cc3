package dev.satchel.bootstrap.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.satchel.bootstrap.Api;
import dev.satchel.bootstrap.TestEnvironmentResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Registration, listing, deletion and the delivery log over HTTP, with the default (strict) SSRF guard. */
@QuarkusTest
@WithTestResource(value = TestEnvironmentResource.class, scope = TestResourceScope.GLOBAL)
class WebhookEndpointsTest {
  // A public address literal: registration resolves nothing, and nothing is delivered in this test.
  static final String PUBLIC_URL = "https://93.184.215.14/satchel-hook";

  @Test
  void registrationShowsTheSecretOnceAndTheListNever() {
    String token = Api.newUserToken();
    Response created = create(token, Map.of("url", PUBLIC_URL, "events", List.of("share.downloaded", "file.uploaded")));
    created.then().statusCode(201)
        .contentType(ContentType.JSON)
        .body("webhook_id", notNullValue())
        .body("url", equalTo(PUBLIC_URL))
        .body("events", contains("file.uploaded", "share.downloaded"))
        .body("secret", matchesPattern("whsec_[A-Za-z0-9+/]{43}="))
        .body("created_at", matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z"));
    String secret = created.path("secret");
    assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length()))).hasSize(32);

    Api.as(token).get("/webhooks").then().statusCode(200)
        .body("", hasSize(1))
        .body("[0].webhook_id", equalTo(created.path("webhook_id")))
        .body("[0].events", contains("file.uploaded", "share.downloaded"))
        .body("[0].secret", nullValue())
        .body(not(org.hamcrest.Matchers.containsString(secret.substring(6, 20))));
  }

  @Test
  void withoutEventsAWebhookGetsEveryType() {
    String token = Api.newUserToken();
    create(token, Map.of("url", PUBLIC_URL)).then().statusCode(201).body("events", empty());
  }

  @Test
  void twoRegistrationsGetDifferentSecrets() {
    String token = Api.newUserToken();
    String first = create(token, Map.of("url", PUBLIC_URL)).then().statusCode(201).extract().path("secret");
    String second = create(token, Map.of("url", PUBLIC_URL)).then().statusCode(201).extract().path("secret");
    assertThat(first).isNotEqualTo(second);
  }

  @Test
  void anotherUserCanNeitherSeeNorDeleteNorReadTheLog() {
    String owner = Api.newUserToken();
    String other = Api.newUserToken();
    String id = create(owner, Map.of("url", PUBLIC_URL)).then().statusCode(201).extract().path("webhook_id");

    Api.as(other).get("/webhooks").then().statusCode(200).body("", empty());
    Api.as(other).get("/webhooks/" + id + "/deliveries").then().statusCode(404)
        .contentType("application/problem+json");
    Api.as(other).delete("/webhooks/" + id).then().statusCode(404).contentType("application/problem+json");
    Api.as(owner).get("/webhooks").then().body("", hasSize(1));

    Api.as(owner).get("/webhooks/" + id + "/deliveries").then().statusCode(200).body("", empty());
    Api.as(owner).delete("/webhooks/" + id).then().statusCode(204);
    Api.as(owner).delete("/webhooks/" + id).then().statusCode(404);
    Api.as(owner).get("/webhooks").then().body("", empty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://127.0.0.1/", "http://2130706433/", "http://0x7f.1/", "http://[::ffff:127.0.0.1]/",
      "http://localhost:8080/", "http://169.254.169.254/latest/meta-data/", "http://[fd00:ec2::254]/",
      "http://metadata.google.internal/", "http://10.0.0.1/", "http://192.168.0.1/", "http://100.64.0.1/",
      "http://[fe80::1]/", "http://0.0.0.0/", "ftp://93.184.215.14/", "http://user:pw@93.184.215.14/",
      "https://93.184.215.14/#frag", "not a url", "", "http://no-such-host.invalid/"})
  void refusedUrlsAre400OnUrl(String url) {
    create(Api.newUserToken(), Map.of("url", url)).then().statusCode(400)
        .contentType("application/problem+json")
        .body("field", equalTo("url"));
  }

  @Test
  void anOverlongUrlIs400() {
    String url = "https://93.184.215.14/" + "a".repeat(2048);
    create(Api.newUserToken(), Map.of("url", url)).then().statusCode(400).body("field", equalTo("url"));
  }

  @Test
  void badEventListsAre400OnEvents() {
    String token = Api.newUserToken();
    for (Object events : List.of(List.of(), List.of("file.renamed"), List.of("file.uploaded", "file.uploaded"),
        List.of("FILE.UPLOADED"))) {
      create(token, Map.of("url", PUBLIC_URL, "events", events)).then().statusCode(400)
          .contentType("application/problem+json")
          .body("field", equalTo("events"));
    }
  }

  @Test
  void malformedBodiesAre400NeverServerErrors() {
    String token = Api.newUserToken();
    for (String body : List.of("{}", "{\"url\": 5}", "{\"url\": \"" + PUBLIC_URL + "\", \"secret\": \"x\"}",
        "{\"url\": \"" + PUBLIC_URL + "\", \"events\": \"file.uploaded\"}", "{\"url\": \"" + PUBLIC_URL
            + "\", \"events\": [null]}", "[]", "null", "{\"url\": \"a\", \"url\": \"b\"}")) {
      Api.as(token).contentType(ContentType.JSON).body(body).post("/webhooks").then().statusCode(400)
          .contentType("application/problem+json");
    }
    Api.as(token).get("/webhooks").then().body("", empty());
  }

  @Test
  void malformedIdsAre400AndUnknownOnes404() {
    String token = Api.newUserToken();
    Api.as(token).delete("/webhooks/not-a-uuid").then().statusCode(400).body("field", equalTo("webhook_id"));
    Api.as(token).get("/webhooks/" + UUID.randomUUID() + "/deliveries").then().statusCode(404);
  }

  @Test
  void everyOperationNeedsABearerToken() {
    given().contentType(ContentType.JSON).body(Map.of("url", PUBLIC_URL)).post("/webhooks").then().statusCode(401);
    given().get("/webhooks").then().statusCode(401);
    given().delete("/webhooks/" + UUID.randomUUID()).then().statusCode(401);
    given().get("/webhooks/" + UUID.randomUUID() + "/deliveries").then().statusCode(401);
  }

  @Test
  void theOpenApiDocumentDescribesTheFourOperations() {
    Response doc = given().accept(ContentType.JSON).get("/q/openapi");
    doc.then().statusCode(200)
        .body("paths.'/webhooks'.post.operationId", equalTo("createWebhook"))
        .body("paths.'/webhooks'.get.operationId", equalTo("listWebhooks"))
        .body("paths.'/webhooks/{webhook_id}'.delete.operationId", equalTo("deleteWebhook"))
        .body("paths.'/webhooks/{webhook_id}/deliveries'.get.operationId", equalTo("listWebhookDeliveries"))
        .body("components.schemas.CreatedWebhook.properties.secret", notNullValue())
        .body("components.schemas.Webhook.properties.secret", nullValue());
  }

  static Response create(String token, Map<String, ?> body) {
    return Api.as(token).contentType(ContentType.JSON).body(body).post("/webhooks");
  }
}
