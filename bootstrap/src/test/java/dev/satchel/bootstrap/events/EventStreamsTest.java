package dev.satchel.bootstrap.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.satchel.bootstrap.Api;
import dev.satchel.bootstrap.Db;
import dev.satchel.bootstrap.LogCapture;
import dev.satchel.bootstrap.Metrics;
import dev.satchel.bootstrap.TestEnvironmentResource;
import dev.satchel.bootstrap.Uploads;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The event streams on one instance, through real clients: an SSE reader and a
 * {@code java.net.http.WebSocket}. Events reach their owner only, resume after Last-Event-ID,
 * idle streams get comment lines, credentials are checked before the WebSocket upgrade, tickets
 * open one connection, and a consumer that stops reading is cut off.
 */
@QuarkusTest
@WithTestResource(value = TestEnvironmentResource.class, scope = TestResourceScope.GLOBAL)
class EventStreamsTest {
  private static final Duration PATIENCE = Duration.ofSeconds(10);
  private static final Duration QUIET = Duration.ofSeconds(2);

  private static URI base() {
    return URI.create("http://127.0.0.1:" + RestAssured.port);
  }

  @Test
  void anUploadReachesItsOwnersStreamAsAnSseEventAndNobodyElses() throws Exception {
    String alice = Api.newUserToken();
    String bob = Api.newUserToken();
    try (SseClient aliceStream = SseClient.open(base(), alice, Optional.empty());
        SseClient bobStream = SseClient.open(base(), bob, Optional.empty())) {
      assertThat(aliceStream.status()).isEqualTo(200);
      assertThat(aliceStream.contentType()).startsWith("text/event-stream");
      // Neither a cache nor a buffering proxy may hold a stream back.
      assertThat(aliceStream.header("Cache-Control")).containsExactly("no-store");
      assertThat(aliceStream.header("X-Accel-Buffering")).containsExactly("no");

      String fileId = Uploads.uploadedId(alice, "news.txt", "hello".getBytes(StandardCharsets.UTF_8));

      SseClient.Message message = aliceStream.next(PATIENCE).orElseThrow();
      assertThat(message.event()).isEqualTo("file.uploaded");
      JsonPath json = JsonPath.from(message.data());
      assertThat(json.getString("id")).isEqualTo(message.id());
      assertThat(json.getString("type")).isEqualTo("file.uploaded");
      assertThat(json.getString("occurred_at")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
      assertThat(json.getMap("data")).containsEntry("file_id", fileId).containsEntry("filename", "news.txt")
          .containsEntry("size", 5).containsEntry("content_type", "text/plain");
      assertThat(bobStream.next(QUIET)).isEmpty();
      assertThat(aliceStream.fieldNames()).containsExactlyInAnyOrder("id", "event", "data");
    }
  }

  @Test
  void aReconnectWithLastEventIdGetsWhatItMissedThenLiveEvents() throws Exception {
    String token = Api.newUserToken();
    String seen;
    try (SseClient first = SseClient.open(base(), token, Optional.empty())) {
      Uploads.uploadedId(token, "one.txt", new byte[] {1});
      seen = first.next(PATIENCE).orElseThrow().id();
    }
    String two = Uploads.uploadedId(token, "two.txt", new byte[] {2});
    String three = Uploads.uploadedId(token, "three.txt", new byte[] {3});
    Uploads.uploadedId(Api.newUserToken(), "someone-else.txt", new byte[] {4});

    try (SseClient again = SseClient.open(base(), token, Optional.of(seen))) {
      assertThat(fileIdOf(again.next(PATIENCE).orElseThrow())).isEqualTo(two);
      assertThat(fileIdOf(again.next(PATIENCE).orElseThrow())).isEqualTo(three);
      String four = Uploads.uploadedId(token, "four.txt", new byte[] {5});
      assertThat(fileIdOf(again.next(PATIENCE).orElseThrow())).isEqualTo(four);
      assertThat(again.next(QUIET)).isEmpty();
    }
  }

  @Test
  void aMalformedLastEventIdIsA400AndNoTokenA401() {
    String token = Api.newUserToken();
    for (String hostile : new String[] {"x", "1", "../../etc", "' OR 1=1", UUID.randomUUID() + "0", "\u00e9"}) {
      Api.as(token).header("Last-Event-ID", hostile).accept("text/event-stream").when().get("/events")
          .then().statusCode(400).contentType("application/problem+json");
    }
    RestAssured.given().accept("text/event-stream").when().get("/events").then().statusCode(401);
  }

  @Test
  void anIdleStreamGetsCommentLines() throws Exception {
    try (SseClient stream = SseClient.open(base(), Api.newUserToken(), Optional.empty())) {
      assertThat(stream.nextComment(PATIENCE)).contains("connected");
      assertThat(stream.nextComment(PATIENCE)).contains("keep-alive"); // every second in the test profile
    }
  }

  @Test
  void aWebSocketWithABearerTokenReceivesTheSameEvents() throws Exception {
    String token = Api.newUserToken();
    WsClient.Opened opened = WsClient.open(base(), token, null);
    assertThat(opened.status()).isEqualTo(101);
    try (WsClient socket = opened.client().orElseThrow()) {
      String fileId = Uploads.uploadedId(token, "socket.txt", new byte[] {1, 2});

      JsonPath json = JsonPath.from(socket.next(PATIENCE).orElseThrow());
      assertThat(json.getString("type")).isEqualTo("file.uploaded");
      assertThat(json.getString("data.file_id")).isEqualTo(fileId);
    }
  }

  @Test
  void aWebSocketWithoutAValidCredentialIsRefusedWith401BeforeTheUpgrade() {
    assertThat(WsClient.open(base(), null, null).status()).isEqualTo(401);
    assertThat(WsClient.open(base(), "not.a.token", null).status()).isEqualTo(401);
    assertThat(WsClient.open(base(), null, "made-up-ticket").status()).isEqualTo(401);
    assertThat(WsClient.open(base(), null, "").status()).isEqualTo(401);
  }

  @Test
  void aBadBearerTokenOnTheUpgradeIsRefusedWithoutAnErrorInTheLog() {
    try (LogCapture log = LogCapture.start()) {
      for (String bad : new String[] {"not.a.token", "x.y.z", "", Api.newUserToken() + "x"}) {
        assertThat(statusOf(WsClient.open(base(), bad, null))).as("Bearer %s", bad).isEqualTo(401);
      }
      // anyone can send these: not one may cost an ERROR (and a stack trace) in the log, not even
      // one reported after the 401 went out
      Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
          .until(() -> log.atOrAbove(Level.SEVERE).isEmpty());
    }
  }

  @Test
  void aTicketOpensOneWebSocketOnly() throws Exception {
    String token = Api.newUserToken();
    JsonPath issued = Api.as(token).when().post("/events/ticket")
        .then().statusCode(201).extract().jsonPath();
    assertThat(issued.getInt("expires_in")).isEqualTo(60);
    String ticket = issued.getString("ticket");

    WsClient.Opened first = WsClient.open(base(), null, ticket);
    assertThat(first.status()).isEqualTo(101);
    try (WsClient socket = first.client().orElseThrow()) {
      assertThat(WsClient.open(base(), null, ticket).status()).isEqualTo(401);
      String fileId = Uploads.uploadedId(token, "ticketed.txt", new byte[] {1});
      assertThat(JsonPath.from(socket.next(PATIENCE).orElseThrow()).getString("data.file_id")).isEqualTo(fileId);
    }
    RestAssured.given().when().post("/events/ticket").then().statusCode(401);
  }

  @Test
  void aWebSocketReconnectingWithLastEventIdGetsWhatItMissedThenLiveEvents() throws Exception {
    String token = Api.newUserToken();
    String seen;
    try (WsClient first = WsClient.open(base(), token, null).client().orElseThrow()) {
      Uploads.uploadedId(token, "one.txt", new byte[] {1});
      seen = JsonPath.from(first.next(PATIENCE).orElseThrow()).getString("id");
    }
    String two = Uploads.uploadedId(token, "two.txt", new byte[] {2});
    String three = Uploads.uploadedId(token, "three.txt", new byte[] {3});
    Uploads.uploadedId(Api.newUserToken(), "someone-else.txt", new byte[] {4});

    // a browser names the resume point in the query; other clients may send the SSE header
    WsClient.Opened byQuery = WsClient.open(base(), token, null, Map.of("last_event_id", seen), Map.of());
    WsClient.Opened byHeader = WsClient.open(base(), token, null, Map.of(), Map.of("Last-Event-ID", seen));
    assertThat(byQuery.status()).isEqualTo(101);
    assertThat(byHeader.status()).isEqualTo(101);
    try (WsClient again = byQuery.client().orElseThrow(); WsClient alsoAgain = byHeader.client().orElseThrow()) {
      for (WsClient socket : List.of(again, alsoAgain)) {
        assertThat(socketFileId(socket)).isEqualTo(two);
        assertThat(socketFileId(socket)).isEqualTo(three);
      }
      String four = Uploads.uploadedId(token, "four.txt", new byte[] {5});
      for (WsClient socket : List.of(again, alsoAgain)) {
        assertThat(socketFileId(socket)).isEqualTo(four);
        assertThat(socket.next(QUIET)).isEmpty();
      }
    }
  }

  @Test
  void aWebSocketResumePointThatIsNotAnEventIdIsRefusedWith400BeforeTheUpgrade() {
    String token = Api.newUserToken();
    for (String hostile : new String[] {"x", "1", " ", "../../etc", "' OR 1=1", UUID.randomUUID() + "0", "\u00e9",
        "%00", "{" + UUID.randomUUID() + "}"}) {
      assertThat(statusOf(WsClient.open(base(), token, null, Map.of("last_event_id", hostile), Map.of())))
          .as("?last_event_id=%s", hostile).isEqualTo(400);
    }
    assertThat(statusOf(WsClient.open(base(), token, null, Map.of(), Map.of("Last-Event-ID", "x")))).isEqualTo(400);
    // the credential is judged first: a bad resume point tells a stranger nothing
    assertThat(statusOf(WsClient.open(base(), null, null, Map.of("last_event_id", "x"), Map.of()))).isEqualTo(401);
    // an unknown or purged event id is a valid resume point that replays nothing, and an empty one
    // means none, as on GET /events
    assertThat(statusOf(WsClient.open(base(), token, null, Map.of("last_event_id", ""), Map.of()))).isEqualTo(101);
    assertThat(statusOf(WsClient.open(base(), token, null,
        Map.of("last_event_id", UUID.randomUUID().toString()), Map.of()))).isEqualTo(101);
  }

  private static int statusOf(WsClient.Opened opened) {
    opened.client().ifPresent(WsClient::close);
    return opened.status();
  }

  private static String socketFileId(WsClient socket) throws InterruptedException {
    return JsonPath.from(socket.next(PATIENCE).orElseThrow()).getString("data.file_id");
  }

  /**
   * A client that sends its request and never reads: once its socket buffers are full, the
   * stream's bounded buffer fills and the server cuts it off, counting it.
   */
  @Test
  void aConsumerThatStopsReadingIsDisconnected() throws Exception {
    String email = Api.registerNewUser();
    String token = Api.logIn(email);
    String owner = Db.queryString("SELECT CAST(id AS text) FROM satchel.users WHERE email_normalized = ?", email);
    double droppedBefore = Metrics.value("satchel_events_consumers_dropped_total", "kind=\"sse\"");
    try (Socket stalled = new Socket()) {
      stalled.setReceiveBufferSize(4096);
      stalled.connect(new InetSocketAddress("127.0.0.1", RestAssured.port));
      OutputStream out = stalled.getOutputStream();
      out.write(("GET /events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\nAuthorization: Bearer "
          + token + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      Awaitility.await().atMost(PATIENCE)
          .until(() -> Metrics.value("satchel_events_connections", "kind=\"sse\"") >= 1);

      flood(owner, 20_000);

      Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(
          () -> Metrics.value("satchel_events_consumers_dropped_total", "kind=\"sse\"") > droppedBefore);
      InputStream in = stalled.getInputStream();
      stalled.setSoTimeout(30_000);
      byte[] drain = new byte[65536];
      while (in.read(drain) >= 0) {
        // what the server had written before it gave up, then the end of the stream
      }
    }
  }

  /** Many large events for one user at once, written straight to the outbox. */
  private static void flood(String owner, int count) throws SQLException {
    Db.update("INSERT INTO satchel.events (id, owner_id, type, occurred_at, data)"
        + " SELECT gen_random_uuid(), CAST(? AS uuid), 'file.uploaded', now(),"
        + " json_build_object('file_id', CAST(gen_random_uuid() AS text), 'filename', repeat('x', 2000))"
        + " FROM generate_series(1, ?)", owner, count);
  }

  private static String fileIdOf(SseClient.Message message) {
    return JsonPath.from(message.data()).getString("data.file_id");
  }
}
