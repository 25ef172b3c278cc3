package dev.satchel.adapters.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.satchel.domain.webhook.PendingDelivery;
import dev.satchel.domain.webhook.SendResult;
import dev.satchel.domain.webhook.WebhookId;
import dev.satchel.domain.webhook.WebhookSecret;
import dev.satchel.domain.webhook.WebhookUrl;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sender against a real HTTP server on 127.0.0.1: signature, redirects, timeout, answer size, SSRF. */
class VertxWebhookSenderTest {
  private static final Duration TIMEOUT = Duration.ofMillis(1500);
  private static Vertx vertx;
  private static HttpServer receiver;
  private static final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
  private static final List<String> bodies = new CopyOnWriteArrayList<>();
  private static final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

  @BeforeAll
  static void start() throws IOException {
    vertx = Vertx.vertx();
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.setExecutor(Executors.newCachedThreadPool());
    receiver.createContext("/ok", exchange -> {
      record(exchange);
      answer(exchange, 204, new byte[0]);
    });
    receiver.createContext("/redirect", exchange -> {
      record(exchange);
      exchange.getResponseHeaders().add("Location", "/elsewhere");
      answer(exchange, 307, new byte[0]);
    });
    receiver.createContext("/elsewhere", exchange -> {
      record(exchange);
      answer(exchange, 200, new byte[0]);
    });
    receiver.createContext("/slow", exchange -> {
      record(exchange);
      try {
        Thread.sleep(TIMEOUT.toMillis() * 4);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      answer(exchange, 200, new byte[0]);
    });
    receiver.createContext("/big", exchange -> {
      record(exchange);
      answer(exchange, 500, "x".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII));
    });
    receiver.start();
  }

  @AfterAll
  static void stop() {
    receiver.stop(0);
    vertx.close();
  }

  @Test
  void aDeliveryCarriesAStandardWebhooksSignatureThatAnIndependentVerifierAccepts() throws Exception {
    WebhookSecret secret = WebhookSecret.random(new SecureRandom());
    PendingDelivery delivery = delivery("/ok", secret, "{\"id\":\"e\",\"type\":\"file.uploaded\",\"data\":{\"filename\":\"ä.txt\"}}");
    Instant at = Instant.parse("2026-11-29T12:00:00Z");

    SendResult result = sender(true).send(delivery, at);

    assertThat(result.delivered()).isTrue();
    assertThat(result.statusCode()).hasValue(204);
    Map<String, String> headers = received.getLast();
    String body = bodies.getLast();
    assertThat(body).isEqualTo(delivery.payload());
    assertThat(headers.get("webhook-id")).isEqualTo(delivery.eventId().toString());
    assertThat(headers.get("webhook-timestamp")).isEqualTo("1795953600");
    assertThat(headers.get("content-type")).isEqualTo("application/json");
    assertThat(verify(secret.printed(), headers, body)).isTrue();
    assertThat(verify(WebhookSecret.random(new SecureRandom()).printed(), headers, body)).isFalse();
  }

  @Test
  void redirectsAreNotFollowed() {
    SendResult result = sender(true).send(delivery("/redirect", secret(), "{}"), Instant.now());

    assertThat(result.statusCode()).hasValue(307);
    assertThat(result.delivered()).isFalse();
    assertThat(hits.getOrDefault("/elsewhere", new AtomicInteger()).get()).isZero();
  }

  @Test
  void aReceiverThatDoesNotAnswerInTimeIsAFailedAttemptWithinTheTimeout() {
    long started = System.nanoTime();
    SendResult result = sender(true).send(delivery("/slow", secret(), "{}"), Instant.now());
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(result.delivered()).isFalse();
    assertThat(result.statusCode()).isEmpty();
    assertThat(result.failure()).hasValueSatisfying(f -> assertThat(f).contains("timed out"));
    // the receiver would answer after 4 x TIMEOUT; generous bound for a loaded machine
    assertThat(took).isLessThan(TIMEOUT.multipliedBy(3));
  }

  @Test
  void onlyAPrefixOfTheAnswerIsKept() {
    SendResult result = sender(true).send(delivery("/big", secret(), "{}"), Instant.now());

    assertThat(result.statusCode()).hasValue(500);
    assertThat(result.bodyPrefix().getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(256);
    assertThat(result.bodyPrefix()).startsWith("xxxx");
  }

  @Test
  void aPrivateDestinationIsRefusedAgainAtDeliveryWithoutAnyConnection() {
    int before = hits.getOrDefault("/ok", new AtomicInteger()).get();

    SendResult result = sender(false).send(delivery("/ok", secret(), "{}"), Instant.now());

    assertThat(result.delivered()).isFalse();
    assertThat(result.failure()).hasValueSatisfying(f -> assertThat(f).startsWith("destination refused"));
    assertThat(hits.getOrDefault("/ok", new AtomicInteger()).get()).isEqualTo(before);
  }

  @Test
  void theConnectionGoesToTheCheckedAddressWhileHostNamesTheUrlsHost() {
    // "receiver.invalid" does not exist in DNS (RFC 6761): reaching the server proves that the
    // client connected to the address the guard resolved, not to a second lookup of its own.
    var guard = new PublicDestinationGuard(true, host -> new InetAddress[] {InetAddress.getLoopbackAddress()});
    var sender = new VertxWebhookSender(vertx, guard, TIMEOUT);
    var url = new WebhookUrl("http://receiver.invalid:" + receiver.getAddress().getPort() + "/ok");

    SendResult result = sender.send(pending(url, secret(), "{}"), Instant.now());

    assertThat(result.delivered()).isTrue();
    assertThat(received.getLast().get("host")).isEqualTo("receiver.invalid:" + receiver.getAddress().getPort());
  }

  /** Standard Webhooks verification, written from the specification, sharing no code with Satchel. */
  static boolean verify(String printedSecret, Map<String, String> headers, String body) throws Exception {
    byte[] key = Base64.getDecoder().decode(printedSecret.substring("whsec_".length()));
    String signed = headers.get("webhook-id") + "." + headers.get("webhook-timestamp") + "." + body;
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    byte[] expected = mac.doFinal(signed.getBytes(StandardCharsets.UTF_8));
    for (String signature : headers.get("webhook-signature").split(" ")) {
      String[] parts = signature.split(",", 2);
      if (parts[0].equals("v1") && MessageDigest.isEqual(expected, Base64.getDecoder().decode(parts[1]))) {
        return true;
      }
    }
    return false;
  }

  private VertxWebhookSender sender(boolean allowPrivate) {
    return new VertxWebhookSender(vertx, PublicDestinationGuard.usingSystemResolver(allowPrivate), TIMEOUT);
  }

  private static WebhookSecret secret() {
    return WebhookSecret.random(new SecureRandom());
  }

  private static PendingDelivery delivery(String path, WebhookSecret secret, String payload) {
    return pending(new WebhookUrl("http://127.0.0.1:" + receiver.getAddress().getPort() + path), secret, payload);
  }

  private static PendingDelivery pending(WebhookUrl url, WebhookSecret secret, String payload) {
    return new PendingDelivery(UUID.randomUUID(), new WebhookId(UUID.randomUUID()), url, secret, UUID.randomUUID(),
        "file.uploaded", payload, 0, Instant.now(), UUID.randomUUID());
  }

  private static void record(HttpExchange exchange) throws IOException {
    hits.computeIfAbsent(exchange.getRequestURI().getPath(), p -> new AtomicInteger()).incrementAndGet();
    Map<String, String> headers = new ConcurrentHashMap<>();
    exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.getFirst()));
    received.add(headers);
    bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
  }

  private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    } catch (IOException closedByClient) {
      // the sender stops reading after its prefix: expected for /big
    }
    exchange.close();
  }
}
