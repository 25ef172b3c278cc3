package dev.satchel.bootstrap;

import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP/1.1 client that puts exactly the given bytes on the wire: the request target is not
 * re-encoded and header values are raw bytes (RestAssured's client truncates non-Latin-1 chars to
 * their low byte, and Java's HttpClient refuses some). For hostile-input and header-charset tests.
 */
public final class RawHttp {
  private RawHttp() {}

  /** A parsed answer; header names are lower-cased. */
  public record Answer(int status, Map<String, String> headers, byte[] body) {
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
      return status + " " + headers + " " + text();
    }
  }

  /** Sends {@code method target} with the given headers (values as raw bytes) and no body. */
  public static Answer send(String method, String rawTarget, Map<String, byte[]> headers) {
    return send(method, rawTarget, headers, new byte[0]);
  }

  /** Sends a request with a body; the caller gives Content-Length (or not) among the headers. */
  public static Answer send(String method, String rawTarget, Map<String, byte[]> headers, byte[] body) {
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    request.writeBytes((method + " " + rawTarget + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n")
        .getBytes(StandardCharsets.ISO_8859_1));
    headers.forEach((name, value) -> {
      request.writeBytes((name + ": ").getBytes(StandardCharsets.ISO_8859_1));
      request.writeBytes(value);
      request.writeBytes(new byte[] {'\r', '\n'});
    });
    request.writeBytes(new byte[] {'\r', '\n'});
    request.writeBytes(body);
    return exchange(request.toByteArray());
  }

  public static Answer get(String rawTarget, Map<String, byte[]> headers) {
    return send("GET", rawTarget, headers);
  }

  private static Answer exchange(byte[] request) {
    try (Socket socket = new Socket("localhost", RestAssured.port)) {
      socket.setSoTimeout(15_000);
      OutputStream out = socket.getOutputStream();
      out.write(request);
      out.flush();
      return parse(readAll(socket.getInputStream()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    try {
      return in.readAllBytes();
    } catch (java.net.SocketException reset) {
      // The server may close right after answering a request it refused; what arrived counts.
      return new byte[0];
    }
  }

  private static Answer parse(byte[] raw) {
    int end = Bytes.indexOf(raw, new byte[] {'\r', '\n', '\r', '\n'});
    if (end < 0) {
      throw new IllegalStateException("no complete HTTP answer: " + new String(raw, StandardCharsets.ISO_8859_1));
    }
    String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
    }
    byte[] body = Arrays.copyOfRange(raw, end + 4, raw.length);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = dechunk(body);
    }
    return new Answer(status, headers, body);
  }

  private static byte[] dechunk(byte[] chunked) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    int at = 0;
    while (at < chunked.length) {
      int lineEnd = Bytes.indexOf(Arrays.copyOfRange(chunked, at, chunked.length), new byte[] {'\r', '\n'}) + at;
      String sizeLine = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1);
      int size = Integer.parseInt(sizeLine.split(";")[0].strip(), 16);
      if (size == 0) {
        break;
      }
      body.write(chunked, lineEnd + 2, size);
      at = lineEnd + 2 + size + 2;
    }
    return body.toByteArray();
  }
}
