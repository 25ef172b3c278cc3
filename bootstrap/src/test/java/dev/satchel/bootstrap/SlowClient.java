package dev.satchel.bootstrap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A raw-socket upload that sends its request headers and multipart part headers at once, then
 * its file bytes only when told ({@link #drip()}), as a stalled or trickling network would.
 */
public final class SlowClient implements AutoCloseable {
  private static final String BOUNDARY = "slow-client-boundary";

  private final Socket socket;
  private final OutputStream out;

  private SlowClient(Socket socket) throws IOException {
    this.socket = socket;
    this.out = socket.getOutputStream();
  }

  /** Opens an upload of a declared 1 MiB file and sends everything before its first byte. */
  public static SlowClient open(int port, String token) throws IOException {
    Socket socket = new Socket("127.0.0.1", port);
    String part = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"slow.bin\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n";
    String head = "POST /upload HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: Bearer " + token
        + "\r\nContent-Type: multipart/form-data; boundary=" + BOUNDARY
        + "\r\nContent-Length: " + (part.length() + 1024 * 1024) + "\r\n\r\n" + part;
    SlowClient client = new SlowClient(socket);
    client.out.write(head.getBytes(StandardCharsets.US_ASCII));
    client.out.flush();
    return client;
  }

  /** Sends one more byte of the file; false once the server has stopped listening. */
  public boolean drip() {
    try {
      out.write('x');
      out.flush();
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The server's answer, read until the server closes the connection or {@code quietMillis} pass
   * without a byte from it.
   */
  public Answer awaitAnswer(int quietMillis) throws IOException {
    socket.setSoTimeout(quietMillis);
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    boolean closedByServer;
    try {
      in.transferTo(bytes);
      closedByServer = true;
    } catch (SocketTimeoutException e) {
      closedByServer = false;
    } catch (IOException e) {
      closedByServer = true; // reset after the answer: closed all the same
    }
    return new Answer(bytes.toString(StandardCharsets.ISO_8859_1), closedByServer);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  /** A raw HTTP answer and whether the server closed the connection after it. */
  public record Answer(String raw, boolean closedByServer) {
    public int status() {
      if (!raw.startsWith("HTTP/1.1 ")) {
        return -1;
      }
      return Integer.parseInt(raw.substring(9, 12));
    }

    public String header(String name) {
      for (String line : raw.split("\r\n")) {
        if (line.isEmpty()) {
          break;
        }
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
          return line.substring(colon + 1).strip();
        }
      }
      return null;
    }

    public String body() {
      int end = raw.indexOf("\r\n\r\n");
      return end < 0 ? "" : raw.substring(end + 4);
    }
  }
}
