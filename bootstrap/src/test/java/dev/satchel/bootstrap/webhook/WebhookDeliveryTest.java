package dev.satchel.bootstrap.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.satchel.bootstrap.Api;
import dev.satchel.bootstrap.Metrics;
import dev.satchel.bootstrap.TestEnvironmentResource;
import dev.satchel.bootstrap.Uploads;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deliveries end to end, to a real receiver on 127.0.0.1: a failed first attempt is retried and
 * delivered, signed so that an independent Standard Webhooks verifier accepts it; a receiver that
 * sleeps past the timeout is a failed attempt; the log and the metrics show it all.
 */
@QuarkusTest
@TestProfile(WebhookDeliveryProfile.class)
@WithTestResource(value = TestEnvironmentResource.class, scope = TestResourceScope.GLOBAL)
class WebhookDeliveryTest {
  private static Receiver receiver;

  @BeforeAll
  static void startReceiver() throws Exception {
    receiver = new Receiver()
        .route("/flaky", 0, n -> n == 1 ? 500 : 204)
        .route("/slow", Duration.parse(WebhookDeliveryProfile.TIMEOUT).toMillis() * 3, n -> 200)
        .route("/other", 0, n -> 204)
        .route("/mine", 0, n -> 204);
  }

  @AfterAll
  static void stopReceiver() {
    receiver.close();
  }

  @Test
  void aFailedFirstDeliveryIsRetriedAndTheRetryIsSignedAndLogged() throws Exception {
    Account account = Account.create();
    Response created = WebhookEndpointsTest.create(account.token(),
        Map.of("url", receiver.url("/flaky"), "events", List.of("file.uploaded")));
    created.then().statusCode(201);
    String secret = created.path("secret");
    String webhookId = created.path("webhook_id");
    double deliveredBefore = Metrics.value("satchel_webhook_deliveries_total", "outcome=\"delivered\"");

    Instant uploading = Instant.now();
    String fileId = Uploads.uploadedId(account.token(), "report.pdf", "hello".getBytes());

    Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> receiver.requests("/flaky").size() >= 2);
    var first = receiver.requests("/flaky").get(0);
    var retry = receiver.requests("/flaky").get(1);
    String eventId = retry.headers().get("webhook-id");
    assertThat(first.headers().get("webhook-id")).isEqualTo(eventId);
    assertThat(retry.body()).isEqualTo(first.body());
    // the body is the event exactly as the contract and the streams have it
    assertThat(retry.body()).startsWith("{\"id\":\"" + eventId + "\",\"type\":\"file.uploaded\",\"occurred_at\":\"")
        .contains("\"data\":{\"file_id\":\"" + fileId + "\",\"filename\":\"report.pdf\",\"size\":5");
    assertThat(retry.headers().get("content-type")).isEqualTo("application/json");
    assertThat(StandardWebhooksVerifier.verify(secret, retry.headers(), retry.body(), Instant.now(),
        Duration.ofMinutes(5))).isTrue();
    assertThat(StandardWebhooksVerifier.verify(secret, first.headers(), first.body(), Instant.now(),
        Duration.ofMinutes(5))).isTrue();
    // the signature covers the body: one changed byte and it no longer verifies
    assertThat(StandardWebhooksVerifier.verify(secret, retry.headers(), retry.body() + " ", Instant.now(),
        Duration.ofMinutes(5))).isFalse();
    // first retry after satchel.webhooks.first-retry (1 s here), not immediately
    assertThat(Duration.between(first.at(), retry.at())).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    keepSample(secret, retry);
    // reported, not asserted (no performance targets in tests): upload to first attempt, first to retry
    System.out.printf("webhook latency: upload->first attempt %d ms, first->retry %d ms%n",
        Duration.between(uploading, first.at()).toMillis(), Duration.between(first.at(), retry.at()).toMillis());

    Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
        Api.as(account.token()).get("/webhooks/" + webhookId + "/deliveries").then().statusCode(200)
            .body("", hasSize(2))
            .body("[0].event_id", equalTo(eventId))
            .body("[0].type", equalTo("file.uploaded"))
            .body("[0].attempt", equalTo(2))
            .body("[0].status_code", equalTo(204))
            .body("[0].delivered_at", notNullValue())
            .body("[0].next_attempt_at", nullValue())
            .body("[0].outcome", equalTo("delivered"))
            .body("[1].attempt", equalTo(1))
            .body("[1].status_code", equalTo(500))
            .body("[1].delivered_at", nullValue())
            .body("[1].next_attempt_at", notNullValue())
            .body("[1].outcome", equalTo("retrying")));
    assertThat(Metrics.value("satchel_webhook_deliveries_total", "outcome=\"delivered\""))
        .isGreaterThanOrEqualTo(deliveredBefore + 1);
    // delivered once: no third request comes (checked all along, past the next 1 s retry step)
    Awaitility.await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(4))
        .until(() -> receiver.requests("/flaky").size() == 2);
  }

  @Test
  void aReceiverThatSleepsPastTheTimeoutIsAFailedAttemptToRetry() {
    Account account = Account.create();
    String webhookId = WebhookEndpointsTest.create(account.token(), Map.of("url", receiver.url("/slow")))
        .then().statusCode(201).extract().path("webhook_id");

    Uploads.uploadedId(account.token(), "slow.txt", "slow".getBytes());

    Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        Api.as(account.token()).get("/webhooks/" + webhookId + "/deliveries").then().statusCode(200)
            // retries keep coming (1 s, 2 s, 4 s...): each one timed out without a status
            .body("attempt", hasItem(1))
            .body("status_code", everyItem(nullValue()))
            .body("outcome", everyItem(equalTo("retrying")))
            .body("next_attempt_at", everyItem(notNullValue()))
            .body("error", everyItem(containsString("timed out"))));
  }

  @Test
  void onlyTheOwnersMatchingWebhooksGetTheEventAndOnlyEventsAfterTheirRegistration() throws Exception {
    Account owner = Account.create();
    Account other = Account.create();
    WebhookEndpointsTest.create(other.token(), Map.of("url", receiver.url("/other"))).then().statusCode(201);
    String filtered = WebhookEndpointsTest.create(owner.token(),
        Map.of("url", receiver.url("/other"), "events", List.of("share.revoked"))).then().statusCode(201)
        .extract().path("webhook_id");

    String fileId = Uploads.uploadedId(owner.token(), "mine.txt", "mine".getBytes());

    // the owner's unfiltered webhook proves the event went out; neither other webhook gets it
    String mine = WebhookEndpointsTest.create(owner.token(), Map.of("url", receiver.url("/mine"))).then()
        .statusCode(201).extract().path("webhook_id");
    Api.as(owner.token()).delete("/files/" + fileId).then().statusCode(204);
    Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> receiver.requests("/mine").size() >= 1);
    assertThat(receiver.requests("/mine")).hasSize(1)
        .allSatisfy(r -> assertThat(r.body()).contains("\"type\":\"file.deleted\""));
    Awaitility.await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(4))
        .until(() -> receiver.requests("/other").isEmpty());
    Api.as(owner.token()).get("/webhooks/" + filtered + "/deliveries").then().body("", hasSize(0));
    Api.as(owner.token()).get("/webhooks/" + mine + "/deliveries").then().body("", hasSize(1));
  }

  /** A real delivery, for checking the README's verification snippet by hand. */
  private static void keepSample(String secret, Receiver.Received delivery) throws Exception {
    String sample = "{\"secret\":\"" + secret + "\",\"webhook_id\":\"" + delivery.headers().get("webhook-id")
        + "\",\"webhook_timestamp\":\"" + delivery.headers().get("webhook-timestamp")
        + "\",\"webhook_signature\":\"" + delivery.headers().get("webhook-signature") + "\"}";
    Files.writeString(Path.of("target", "webhook-sample-headers.json"), sample);
    Files.writeString(Path.of("target", "webhook-sample-body.json"), delivery.body());
  }

  /** A fresh user: id and bearer token. */
  record Account(UUID id, String token) {
    static Account create() {
      String email = "hook-" + UUID.randomUUID() + "@example.com";
      String id = io.restassured.RestAssured.given().contentType(ContentType.JSON)
          .body(Map.of("email", email, "password", Api.PASSWORD))
          .post("/register").then().statusCode(201).extract().path("user_id");
      return new Account(UUID.fromString(id), Api.logIn(email));
    }
  }
}
