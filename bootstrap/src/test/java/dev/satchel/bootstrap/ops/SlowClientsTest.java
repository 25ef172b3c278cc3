package dev.satchel.bootstrap.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.satchel.bootstrap.Api;
import dev.satchel.bootstrap.ConstrainedInstanceProfile;
import dev.satchel.bootstrap.FillableDisk;
import dev.satchel.bootstrap.Metrics;
import dev.satchel.bootstrap.SlowClient;
import dev.satchel.bootstrap.TestEnvironmentResource;
import dev.satchel.bootstrap.Uploads;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Hundreds of uploads that stall or trickle hold no thread other requests need: readiness, the
 * file list, a login and a small upload of another user keep answering within a second, and every
 * slow upload ends with 408 (or a cap's fast 429), its connection closed and no temp file left.
 */
@QuarkusTest
@TestProfile(ConstrainedInstanceProfile.class)
@WithTestResource(value = TestEnvironmentResource.class, scope = TestResourceScope.GLOBAL)
class SlowClientsTest {
  private static final int USERS = 25;
  private static final int SILENT_EVERY = 10; // one client in ten sends nothing at all
  private static final Duration FAST = Duration.ofSeconds(1);

  @Inject FillableDisk disk;

  private final List<SlowClient> clients = new ArrayList<>();
  private final ScheduledExecutorService network = Executors.newScheduledThreadPool(2);
  private final ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor();

  @AfterEach
  void closeClients() throws Exception {
    network.shutdownNow();
    readers.shutdownNow();
    for (SlowClient client : clients) {
      client.close();
    }
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Metrics.value("satchel_uploads_in_flight") == 0);
  }

  @Test
  void twoHundredFiftySlowUploadsStarveNobodyAndEndWith408LeavingNothing() throws Exception {
    double timedOutBefore = Metrics.value("satchel_uploads_timed_out_total");
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < USERS; i++) {
      tokens.add(Api.newUserToken());
    }
    String otherEmail = Api.registerNewUser();
    String otherToken = Api.logIn(otherEmail);

    Map<String, Duration> unloaded = new LinkedHashMap<>();
    measureOthers(unloaded, otherEmail, otherToken);

    List<SlowClient> trickling = new ArrayList<>();
    for (int i = 0; i < USERS * ConstrainedInstanceProfile.MAX_PER_USER; i++) {
      SlowClient client = SlowClient.open(RestAssured.port, tokens.get(i % USERS));
      clients.add(client);
      if (i % SILENT_EVERY != 0) {
        trickling.add(client);
      }
    }
    // A byte every second: never silent for the 5 s read timeout, far below 1 KiB/s.
    network.scheduleAtFixedRate(() -> trickling.forEach(SlowClient::drip), 1, 1, TimeUnit.SECONDS);
    List<Future<SlowClient.Answer>> answers = new ArrayList<>();
    for (SlowClient client : clients) {
      answers.add(readers.submit(() -> client.awaitAnswer(30_000)));
    }
    Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
        .until(() -> Metrics.value("satchel_uploads_in_flight") >= 225);
    Awaitility.await("slow uploads writing their temp files").atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(100)).until(() -> disk.tempFiles().size() >= 200);

    Map<String, Duration> slowest = new LinkedHashMap<>();
    measureOthers(slowest, otherEmail, otherToken);
    double stillHeld = Metrics.value("satchel_uploads_in_flight");
    System.out.printf("slowest of 3 without slow uploads: %s%nslowest of 3 under %d slow uploads (%.0f still held"
        + " after): %s%n", unloaded, clients.size(), stillHeld, slowest);
    assertThat(stillHeld).as("the slow uploads were still held while measuring").isGreaterThanOrEqualTo(200);
    assertThat(slowest.values()).allSatisfy(latency -> assertThat(latency).isLessThan(FAST));

    for (Future<SlowClient.Answer> pending : answers) {
      SlowClient.Answer answer = pending.get(40, TimeUnit.SECONDS);
      assertThat(answer.status()).as(answer.raw()).isEqualTo(408);
      assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
      assertThat(answer.body()).contains("\"code\":\"upload-timed-out\"");
      assertThat(answer.closedByServer()).as("connection closed after 408").isTrue();
    }
    assertThat(Metrics.value("satchel_uploads_timed_out_total") - timedOutBefore).isEqualTo(clients.size());
    assertThat(disk.tempFiles()).isEmpty();
    Api.as(tokens.get(0)).when().get("/files").then().statusCode(200).body("size()", equalTo(0));
  }

  @Test
  void userOverItsUploadCapGetsAFast429WithRetryAfterWhileOthersUpload() throws Exception {
    String token = Api.newUserToken();
    for (int i = 0; i < ConstrainedInstanceProfile.MAX_PER_USER; i++) {
      clients.add(SlowClient.open(RestAssured.port, token));
    }
    network.scheduleAtFixedRate(() -> clients.forEach(SlowClient::drip), 1, 1, TimeUnit.SECONDS);
    Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
        .until(() -> Metrics.value("satchel_uploads_in_flight") == ConstrainedInstanceProfile.MAX_PER_USER);
    double rejectedBefore = Metrics.value("satchel_uploads_rejected_total", "scope=\"user\"");

    try (SlowClient oneTooMany = SlowClient.open(RestAssured.port, token)) {
      long started = System.nanoTime();
      SlowClient.Answer answer = oneTooMany.awaitAnswer(10_000);

      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(FAST);
      assertThat(answer.status()).as(answer.raw()).isEqualTo(429);
      assertThat(answer.header("Retry-After")).isEqualTo("10");
      assertThat(answer.body()).contains("\"code\":\"too-many-uploads\"");
      assertThat(answer.closedByServer()).isTrue();
    }
    assertThat(Metrics.value("satchel_uploads_rejected_total", "scope=\"user\"") - rejectedBefore).isEqualTo(1);
    Uploads.upload(Api.newUserToken(), "other.txt", new byte[] {1, 2, 3}).then().statusCode(201);
  }

  private static void measureOthers(Map<String, Duration> slowest, String email, String token) {
    for (int round = 0; round < 3; round++) {
      time(slowest, "GET /q/health/ready", () -> given().when().get("/q/health/ready").then().statusCode(200));
      time(slowest, "GET /files", () -> Api.as(token).when().get("/files").then().statusCode(200));
      time(slowest, "POST /login", () -> Api.logIn(email));
      time(slowest, "POST /upload (2 KiB)", () -> Uploads.upload(token, "small-" + System.nanoTime() + ".bin",
          Uploads.randomBytes(2048, 7)).then().statusCode(201));
    }
  }

  private static void time(Map<String, Duration> slowest, String what, Runnable request) {
    long started = System.nanoTime();
    request.run();
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    slowest.merge(what, took, (a, b) -> a.compareTo(b) >= 0 ? a : b);
  }
}
