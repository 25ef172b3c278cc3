package dev.satchel.bootstrap.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.satchel.bootstrap.Db;
import dev.satchel.bootstrap.Metrics;
import dev.satchel.bootstrap.TestEnvironmentResource;
import dev.satchel.bootstrap.Uploads;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With no webhook anywhere, uploads cost the webhook machinery nothing: the delivery queue is not
 * queried at all (PostgreSQL's own scan counters of the queue table stay still, across uploads and
 * several poll intervals); a webhook registered then gets the next event delivered at once.
 */
@QuarkusTest
@TestProfile(WebhookDeliveryProfile.class)
@WithTestResource(value = TestEnvironmentResource.class, scope = TestResourceScope.GLOBAL)
class WebhookIdleTest {
  private static Receiver receiver;

  @BeforeAll
  static void startReceiver() throws Exception {
    receiver = new Receiver().route("/idle", 0, n -> 204);
  }

  @AfterAll
  static void stopReceiver() {
    receiver.close();
  }

  @Test
  void withNoWebhookTheQueueIsNeverQueriedAndARegisteredOneIsDeliveredAtOnce() throws Exception {
    Db.update("DELETE FROM satchel.webhooks"); // other classes' webhooks (and so their queues) go
    Awaitility.await().atMost(Duration.ofSeconds(30))
        .until(() -> Metrics.value("satchel_webhook_active") == 0.0);
    // claims made before the idling (and an attempt in flight, up to the 2 s timeout) may still be
    // on their way into the statistics, which backends flush about 1 s after their last statement
    Thread.sleep(5_000);
    long before = queueScans();

    var account = WebhookDeliveryTest.Account.create();
    for (int i = 0; i < 5; i++) {
      Uploads.uploadedId(account.token(), "quiet-" + i + ".txt", "quiet".getBytes());
    }
    // several poll intervals (1 s here): before, each worker looked for due deliveries every one,
    // and every upload woke all of them; plus the statistics' flush delay
    Thread.sleep(4_000);
    assertThat(queueScans()).isEqualTo(before);

    // a webhook registered now: the next event reaches it at once, and the counters do move
    WebhookEndpointsTest.create(account.token(), Map.of("url", receiver.url("/idle"))).then().statusCode(201);
    String fileId = Uploads.uploadedId(account.token(), "loud.txt", "loud".getBytes());
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> receiver.requests("/idle").size() >= 1);
    assertThat(receiver.requests("/idle")).singleElement()
        .satisfies(r -> assertThat(r.body()).contains(fileId));
    assertThat(Metrics.value("satchel_webhook_active")).isEqualTo(1.0);
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> queueScans() > before);
  }

  /** Sequential plus index scans of the delivery queue since the database started, as flushed so far. */
  private static long queueScans() throws SQLException {
    return Long.parseLong(Db.queryString("SELECT coalesce(seq_scan, 0) + coalesce(idx_scan, 0) FROM pg_stat_user_tables"
        + " WHERE schemaname = 'satchel' AND relname = 'webhook_deliveries'"));
  }
}
