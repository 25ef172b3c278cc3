package dev.satchel.bootstrap.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.satchel.bootstrap.Api;
import dev.satchel.bootstrap.webhook.Receiver;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two packaged instances on one fresh database, where only B delivers and B looks for webhooks
 * just every 30 s: B idles (no webhook exists), a webhook registered through A wakes it at once
 * (the registration is announced to the cluster), and B delivers its next upload's event within
 * seconds, not at its next look.
 */
class WebhooksTwoReplicasIT {
  private static final Duration LONG_POLL = Duration.ofSeconds(30);
  /** Far below the poll interval: only the announcement can have woken B in time. */
  private static final Duration PROMPTLY = Duration.ofSeconds(10);

  private static PackagedReplicaPair replicas;
  private static PackagedReplica a;
  private static PackagedReplica b;
  private static Receiver receiver;

  @BeforeAll
  static void startReplicas() throws Exception {
    receiver = new Receiver().route("/hook", 0, n -> 204);
    replicas = PackagedReplicaPair.start("webhooks-replica",
        Map.of("satchel.webhooks.allow-private", "true"),
        Map.of("satchel.webhooks.delivery-enabled", "false"),
        Map.of("satchel.webhooks.delivery-enabled", "true",
            "satchel.webhooks.poll-interval", LONG_POLL.toString()));
    a = replicas.a;
    b = replicas.b;
  }

  @AfterAll
  static void stopReplicas() throws InterruptedException {
    try {
      if (replicas != null) {
        replicas.stop();
      }
    } finally {
      receiver.close();
    }
  }

  @Test
  void aWebhookRegisteredOnAWakesTheIdleBWhichDeliversAtOnce() {
    Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> active(b) == 0.0);
    String token = newUser();

    a.as(token).contentType(ContentType.JSON).body(Map.of("url", receiver.url("/hook")))
        .post("/webhooks").then().statusCode(201);
    long registered = System.nanoTime();
    String fileId = b.as(token).multiPart("file", "b.txt", "on b".getBytes(StandardCharsets.UTF_8), "text/plain")
        .post("/upload").then().statusCode(201).extract().path("file_id");

    Awaitility.await().atMost(PROMPTLY).until(() -> !receiver.requests("/hook").isEmpty());
    assertThat(receiver.requests("/hook")).singleElement().satisfies(r -> assertThat(r.body()).contains(fileId));
    assertThat(Duration.ofNanos(System.nanoTime() - registered)).isLessThan(LONG_POLL);
    assertThat(active(b)).isEqualTo(1.0);
  }

  /** B's gauge {@code satchel_webhook_active}: 1 while it fans out and delivers. */
  private static double active(PackagedReplica replica) {
    String text = replica.request().get("/q/metrics").then().statusCode(200).extract().asString();
    Matcher m = Pattern.compile("(?m)^satchel_webhook_active(?:\\{[^}]*\\})?\\s+(\\S+)$").matcher(text);
    return m.find() ? Double.parseDouble(m.group(1)) : -1;
  }

  private static String newUser() {
    String email = "hooks-" + UUID.randomUUID() + "@example.com";
    a.request().contentType(ContentType.JSON).body(Map.of("email", email, "password", Api.PASSWORD))
        .post("/register").then().statusCode(201);
    return a.request().contentType(ContentType.JSON).body(Map.of("email", email, "password", Api.PASSWORD))
        .post("/login").then().statusCode(200).extract().path("access_token");
  }
}
