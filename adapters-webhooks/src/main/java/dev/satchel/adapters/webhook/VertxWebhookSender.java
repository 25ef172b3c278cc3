package dev.satchel.adapters.webhook;

import dev.satchel.domain.error.InvalidInput;
import dev.satchel.domain.webhook.PendingDelivery;
import dev.satchel.domain.webhook.SendResult;
import dev.satchel.domain.webhook.WebhookSender;
import dev.satchel.domain.webhook.WebhookUrl;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@link WebhookSender} over the Vert.x HTTP client. Each delivery resolves and checks its host
 * again ({@link PublicDestinationGuard}) and connects to exactly that address, while the URL's host
 * goes into {@code Host} and TLS SNI and certificate checks, so DNS rebinding between the check and
 * the connection cannot move it. Redirects are never followed (a 3xx is a failure, as the Standard
 * Webhooks specification recommends). The whole exchange is bounded by {@code timeout}; at most
 * {@value #PREFIX_BYTES} bytes of the answer are kept, the rest is never read.
 */
public final class VertxWebhookSender implements WebhookSender {
  /** How much of a receiver's answer is kept for the attempt log. */
  static final int PREFIX_BYTES = 256;

  private final HttpClient client;
  private final PublicDestinationGuard guard;
  private final Duration timeout;

  public VertxWebhookSender(Vertx vertx, PublicDestinationGuard guard, Duration timeout) {
    this.client = vertx.createHttpClient(new HttpClientOptions()
        // a connection per delivery: receivers differ, and no pooled connection outlives its check
        .setKeepAlive(false)
        .setVerifyHost(true)
        .setForceSni(true)
        .setMaxRedirects(0)
        .setConnectTimeout((int) timeout.toMillis()));
    this.guard = guard;
    this.timeout = timeout;
  }

  @Override
  public SendResult send(PendingDelivery delivery, Instant timestamp) {
    WebhookUrl url = delivery.url();
    InetAddress address;
    try {
      address = guard.resolve(url);
    } catch (InvalidInput refused) {
      return SendResult.failed("destination refused: " + refused.getMessage());
    }
    byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
    String messageId = delivery.eventId().toString();
    long seconds = timestamp.getEpochSecond();
    RequestOptions options = new RequestOptions()
        .setMethod(HttpMethod.POST)
        .setServer(SocketAddress.inetSocketAddress(url.port(), address.getHostAddress()))
        .setHost(url.host())
        .setPort(url.port())
        .setSsl(url.secure())
        .setURI(url.pathAndQuery())
        .setFollowRedirects(false)
        .setConnectTimeout(timeout.toMillis())
        .setIdleTimeout(timeout.toMillis())
        .putHeader("content-type", "application/json")
        .putHeader("user-agent", "Satchel-Webhooks/1")
        .putHeader("webhook-id", messageId)
        .putHeader("webhook-timestamp", Long.toString(seconds))
        .putHeader("webhook-signature",
            StandardWebhookSignature.sign(delivery.secret(), messageId, seconds, body));
    return exchange(options, body);
  }

  private SendResult exchange(RequestOptions options, byte[] body) {
    CompletableFuture<SendResult> result = new CompletableFuture<>();
    AtomicReference<HttpClientRequest> request = new AtomicReference<>();
    AtomicInteger status = new AtomicInteger(-1);
    Buffer prefix = Buffer.buffer();
    client.request(options).onComplete(opened -> {
      if (opened.failed()) {
        result.complete(SendResult.failed(describe(opened.cause())));
        return;
      }
      request.set(opened.result());
      opened.result().send(Buffer.buffer(body)).onComplete(answered -> {
        if (answered.failed()) {
          result.complete(SendResult.failed(describe(answered.cause())));
          return;
        }
        HttpClientResponse response = answered.result();
        status.set(response.statusCode());
        response.exceptionHandler(e -> result.complete(answered(status.get(), prefix)));
        response.endHandler(v -> result.complete(answered(status.get(), prefix)));
        response.handler(chunk -> {
          synchronized (prefix) {
            int room = PREFIX_BYTES - prefix.length();
            prefix.appendBuffer(chunk, 0, Math.min(room, chunk.length()));
          }
          if (prefix.length() >= PREFIX_BYTES) {
            result.complete(answered(status.get(), prefix));
            opened.result().reset();
          }
        });
      });
    });
    try {
      return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      HttpClientRequest open = request.get();
      if (open != null) {
        open.reset();
      }
      // A status that came in time counts even when the body did not end in time.
      return status.get() >= 0
          ? answered(status.get(), prefix)
          : SendResult.failed(timedOut());
    } catch (InterruptedException e) {
      // Not the receiver's failure: the caller's transaction rolls back and the delivery stays due.
      HttpClientRequest open = request.get();
      if (open != null) {
        open.reset();
      }
      Thread.currentThread().interrupt();
      throw new IllegalStateException("delivery interrupted (shutdown)", e);
    } catch (ExecutionException e) {
      return SendResult.failed(describe(e.getCause()));
    }
  }

  private String timedOut() {
    return "timed out after " + timeout.toMillis() + " ms";
  }

  private static SendResult answered(int status, Buffer prefix) {
    synchronized (prefix) {
      return SendResult.answered(status, new String(prefix.getBytes(), StandardCharsets.UTF_8));
    }
  }

  /** The failure's kind and message, never a stack trace; every timeout reads the same. */
  private String describe(Throwable failure) {
    // Vert.x's own connect and idle timeouts, set to the same bound, may fire before ours.
    if (failure.getClass().getSimpleName().contains("Timeout")) {
      return timedOut();
    }
    String message = failure.getMessage();
    return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  /** Closes the client's connections (application shutdown). */
  public void close() {
    client.close();
  }
}
