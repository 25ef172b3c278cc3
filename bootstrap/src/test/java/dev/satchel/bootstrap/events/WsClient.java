package dev.satchel.bootstrap.events;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A WebSocket client over {@code java.net.http.WebSocket} collecting the text messages it receives. */
public final class WsClient implements WebSocket.Listener, AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** One text message, with when it arrived ({@link System#nanoTime()}). */
  public record Frame(String text, long receivedAt) {}

  private final BlockingQueue<Frame> messages = new LinkedBlockingQueue<>();
  private final StringBuilder partial = new StringBuilder();
  private volatile WebSocket socket;
  private volatile int closeCode = -1;

  /**
   * Opens {@code ws://host/events/ws} with a bearer token or a {@code ?ticket=} (either may be null).
   *
   * @return the client, or the HTTP status that refused the upgrade
   */
  public static Opened open(URI base, String bearer, String ticket) {
    return open(base, bearer, ticket, Map.of(), Map.of());
  }

  /**
   * Like {@link #open(URI, String, String)}, with more query parameters (URL-encoded here) and
   * request headers on the opening handshake.
   */
  public static Opened open(URI base, String bearer, String ticket, Map<String, String> query,
      Map<String, String> headers) {
    Map<String, String> parameters = new LinkedHashMap<>(query);
    if (ticket != null) {
      parameters.put("ticket", ticket);
    }
    StringJoiner queryText = new StringJoiner("&", "?", "").setEmptyValue("");
    parameters.forEach((name, value) ->
        queryText.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
    URI uri = URI.create("ws://" + base.getHost() + ":" + base.getPort() + "/events/ws" + queryText);
    WsClient client = new WsClient();
    WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
    if (bearer != null) {
      builder.header("Authorization", "Bearer " + bearer);
    }
    headers.forEach(builder::header);
    try {
      client.socket = builder.buildAsync(uri, client).join();
      return new Opened(Optional.of(client), 101);
    } catch (CompletionException e) {
      if (e.getCause() instanceof WebSocketHandshakeException refused) {
        return new Opened(Optional.empty(), refused.getResponse().statusCode());
      }
      throw e;
    }
  }

  /** The outcome of an opening handshake. */
  public record Opened(Optional<WsClient> client, int status) {}

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      messages.add(new Frame(partial.toString(), System.nanoTime()));
      partial.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closeCode = statusCode;
    return null;
  }

  /** The next text message, or empty when none came within {@code timeout}. */
  public Optional<String> next(Duration timeout) throws InterruptedException {
    return nextFrame(timeout).map(Frame::text);
  }

  /** The next text message with its arrival time, or empty when none came within {@code timeout}. */
  public Optional<Frame> nextFrame(Duration timeout) throws InterruptedException {
    return Optional.ofNullable(messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS));
  }

  /** The close code the server sent, or -1 while open. */
  public int closeCode() {
    return closeCode;
  }

  @Override
  public void close() {
    socket.abort();
  }
}
