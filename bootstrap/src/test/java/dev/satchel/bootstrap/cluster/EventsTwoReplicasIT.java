package dev.satchel.bootstrap.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.satchel.bootstrap.Api;
import dev.satchel.bootstrap.events.SseClient;
import dev.satchel.bootstrap.events.WsClient;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two packaged instances on one database: what happens through A reaches the SSE and WebSocket
 * clients connected to B, within a second (measured and logged; asserted with headroom for a
 * loaded two-core machine), to the right user only, resumable on B with an id seen on A, and a
 * ticket issued by A opens one connection on either.
 */
class EventsTwoReplicasIT {
  private static final Logger LOG = Logger.getLogger(EventsTwoReplicasIT.class.getName());
  /** The intent is one second; the rest is headroom for a loaded two-core test machine. */
  private static final Duration BOUND = Duration.ofSeconds(3);
  private static final Duration QUIET = Duration.ofSeconds(2);

  private static PackagedReplicaPair replicas;
  private static PackagedReplica a;
  private static PackagedReplica b;

  @BeforeAll
  static void startReplicas() {
    replicas = PackagedReplicaPair.start("events-replica", Map.of());
    a = replicas.a;
    b = replicas.b;
  }

  @AfterAll
  static void stopReplicas() throws InterruptedException {
    if (replicas != null) {
      replicas.stop();
    }
  }

  @Test
  void anUploadThroughAReachesSseAndWebSocketClientsOnBWithinASecond() throws Exception {
    String token = newUser();
    String other = newUser();
    List<Long> sseMillis = new ArrayList<>();
    List<Long> wsMillis = new ArrayList<>();
    try (SseClient sse = SseClient.open(b.base(), token, Optional.empty());
        SseClient bystander = SseClient.open(b.base(), other, Optional.empty());
        WsClient ws = WsClient.open(b.base(), token, null).client().orElseThrow()) {
      for (int i = 0; i < 10; i++) {
        long sent = System.nanoTime();
        String fileId = upload(a, token, "measured-" + i + ".txt");
        long answered = System.nanoTime();
        SseClient.Message message = sse.next(BOUND).orElseThrow(() -> new AssertionError("no SSE event on B"));
        WsClient.Frame frame = ws.nextFrame(BOUND).orElseThrow(() -> new AssertionError("no WebSocket frame on B"));
        assertThat(JsonPath.from(message.data()).getString("data.file_id")).isEqualTo(fileId);
        assertThat(JsonPath.from(frame.text()).getString("data.file_id")).isEqualTo(fileId);
        // From sending the upload, so an upper bound of the delay after the commit: it includes
        // the upload itself (its answer time is logged beside it).
        sseMillis.add((message.receivedAt() - sent) / 1_000_000);
        wsMillis.add((frame.receivedAt() - sent) / 1_000_000);
        LOG.info("upload " + i + ": answered in " + (answered - sent) / 1_000_000 + " ms; on B via SSE after "
            + sseMillis.getLast() + " ms, via WebSocket after " + wsMillis.getLast() + " ms");
      }
      assertThat(bystander.next(QUIET)).isEmpty();
    }
    LOG.info("upload sent to A -> event on a client of B (ms), SSE: " + summary(sseMillis) + "; WebSocket: " + summary(wsMillis));
    assertThat(sseMillis).allMatch(ms -> ms < BOUND.toMillis());
    assertThat(wsMillis).allMatch(ms -> ms < BOUND.toMillis());
  }

  @Test
  void aClientOfBResumesAfterAnIdItSawOnA() throws Exception {
    String token = newUser();
    String seen;
    try (SseClient onA = SseClient.open(a.base(), token, Optional.empty())) {
      upload(b, token, "first.txt");
      seen = onA.next(BOUND).orElseThrow().id();
    }
    String missed = upload(a, token, "missed.txt");
    try (SseClient onB = SseClient.open(b.base(), token, Optional.of(seen))) {
      assertThat(JsonPath.from(onB.next(BOUND).orElseThrow().data()).getString("data.file_id")).isEqualTo(missed);
      String live = upload(a, token, "live.txt");
      assertThat(JsonPath.from(onB.next(BOUND).orElseThrow().data()).getString("data.file_id")).isEqualTo(live);
    }
  }

  @Test
  void aTicketFromAOpensOneConnectionOnEitherReplica() {
    String token = newUser();
    String ticket = a.as(token).post("/events/ticket").then().statusCode(201).extract().path("ticket");

    WsClient.Opened onB = WsClient.open(b.base(), null, ticket);
    assertThat(onB.status()).isEqualTo(101);
    onB.client().orElseThrow().close();
    assertThat(WsClient.open(a.base(), null, ticket).status()).isEqualTo(401);
    assertThat(WsClient.open(b.base(), null, ticket).status()).isEqualTo(401);
  }

  private static String newUser() {
    String email = "user-" + UUID.randomUUID() + "@example.com";
    a.request().contentType(ContentType.JSON).body(Map.of("email", email, "password", Api.PASSWORD))
        .post("/register").then().statusCode(201);
    return a.request().contentType(ContentType.JSON).body(Map.of("email", email, "password", Api.PASSWORD))
        .post("/login").then().statusCode(200).extract().path("access_token");
  }

  private static String upload(PackagedReplica replica, String token, String name) {
    return replica.as(token).multiPart("file", name, name.getBytes(StandardCharsets.UTF_8), "text/plain")
        .post("/upload").then().statusCode(201).extract().path("file_id");
  }

  private static String summary(List<Long> millis) {
    List<Long> sorted = millis.stream().sorted().toList();
    return "min " + sorted.getFirst() + ", median " + sorted.get(sorted.size() / 2) + ", max " + sorted.getLast();
  }
}
