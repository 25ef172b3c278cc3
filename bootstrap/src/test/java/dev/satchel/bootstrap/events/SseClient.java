package dev.satchel.bootstrap.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Server-Sent Events client over {@code java.net.http}: it parses the event-stream format as
 * the HTML Living Standard (section 9.2.6) says — fields {@code id}, {@code event}, {@code data}
 * (joined by newlines), comment lines starting with a colon, an event per blank line.
 */
public final class SseClient implements AutoCloseable {
  /** One dispatched event, with when it arrived ({@link System#nanoTime()}). */
  public record Message(String id, String event, String data, long receivedAt) {}

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
  private final BlockingQueue<String> comments = new LinkedBlockingQueue<>();
  private final Set<String> fields = ConcurrentHashMap.newKeySet();
  private final HttpResponse<Stream<String>> response;
  private final Thread reader;
  private volatile boolean ended;

  private SseClient(HttpResponse<Stream<String>> response) {
    this.response = response;
    this.reader = Thread.ofPlatform().daemon().name("sse-client").start(this::read);
  }

  /** Opens {@code GET base/events}, sending {@code Last-Event-ID} when given; returns once the headers came. */
  public static SseClient open(URI base, String bearer, Optional<String> lastEventId) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/events"))
        .header("Accept", "text/event-stream");
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    lastEventId.ifPresent(id -> request.header("Last-Event-ID", id));
    try {
      return new SseClient(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofLines()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public int status() {
    return response.statusCode();
  }

  /** Every value of the response header {@code name}. */
  public java.util.List<String> header(String name) {
    return response.headers().allValues(name);
  }

  public String contentType() {
    return response.headers().firstValue("Content-Type").orElse("");
  }

  /** The next event, or empty when none came within {@code timeout}. */
  public Optional<Message> next(Duration timeout) throws InterruptedException {
    return Optional.ofNullable(messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS));
  }

  /** The next comment line's text, or empty when none came within {@code timeout}. */
  public Optional<String> nextComment(Duration timeout) throws InterruptedException {
    return Optional.ofNullable(comments.poll(timeout.toMillis(), TimeUnit.MILLISECONDS));
  }

  /** Every field name the stream has used so far. */
  public Set<String> fieldNames() {
    return Set.copyOf(fields);
  }

  /** Whether the server ended the stream. */
  public boolean ended() {
    return ended;
  }

  private void read() {
    String id = null;
    String event = null;
    List<String> data = new ArrayList<>();
    try (Stream<String> lines = response.body()) {
      for (String line : (Iterable<String>) lines::iterator) {
        if (line.isEmpty()) {
          if (!data.isEmpty()) {
            messages.add(new Message(id, event == null ? "message" : event, String.join("\n", data), System.nanoTime()));
          }
          event = null;
          data.clear();
        } else if (line.startsWith(":")) {
          comments.add(line.substring(1).strip());
        } else {
          int colon = line.indexOf(':');
          String field = colon < 0 ? line : line.substring(0, colon);
          String value = colon < 0 ? "" : line.substring(colon + 1);
          if (value.startsWith(" ")) {
            value = value.substring(1);
          }
          fields.add(field);
          switch (field) {
            case "id" -> id = value;
            case "event" -> event = value;
            case "data" -> data.add(value);
            default -> { } // retry and unknown fields are ignored, as a browser does
          }
        }
      }
    } catch (UncheckedIOException | IllegalStateException closed) {
      // closed by close() or by the server
    } finally {
      ended = true;
    }
  }

  @Override
  public void close() {
    response.body().close();
    reader.interrupt();
  }
}
