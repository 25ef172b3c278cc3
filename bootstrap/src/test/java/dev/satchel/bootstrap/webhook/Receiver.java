package dev.satchel.bootstrap.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.IntUnaryOperator;

/** A real webhook receiver on 127.0.0.1 (JDK HTTP server) that records every request it gets. */
public final class Receiver implements AutoCloseable {
  /** One received request: lower-case header names, the body as sent, when it came. */
  public record Received(String path, Map<String, String> headers, String body, Instant at) {}

  private final HttpServer server;
  private final List<Received> requests = new CopyOnWriteArrayList<>();

  public Receiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  /**
   * Answers requests to {@code path} with the status {@code statusFor} gives for the 1-based number
   * of the request, after {@code delayMillis}.
   */
  public Receiver route(String path, long delayMillis, IntUnaryOperator statusFor) {
    server.createContext(path, exchange -> {
      Map<String, String> headers = new ConcurrentHashMap<>();
      exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.getFirst()));
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      requests.add(new Received(path, headers, body, Instant.now()));
      int number = (int) requests.stream().filter(r -> r.path().equals(path)).count();
      try {
        Thread.sleep(delayMillis);
        exchange.sendResponseHeaders(statusFor.applyAsInt(number), -1);
      } catch (InterruptedException | IOException e) {
        // the sender gave up on us (timeout): nothing to answer
      } finally {
        exchange.close();
      }
    });
    return this;
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  public List<Received> requests(String path) {
    return requests.stream().filter(r -> r.path().equals(path)).toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
