package dev.satchel.adapters.rest.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A multipart body read as a stream through one reusable buffer: it finds part boundaries with a
 * Boyer-Moore-Horspool scan for the delimiter ({@code CRLF--boundary}), so the file part flows on
 * at memory speed and nothing but the buffer is ever held.
 */
final class MultipartBody {
  static final int BUFFER_SIZE = 256 * 1024;
  private static final int MAX_HEADER_BYTES = 16 * 1024;

  private final InputStream source;
  private final byte[] delimiter;
  private final int[] skip;
  private final byte[] buffer;
  private int start;
  private int end;
  private boolean sourceEnded;
  /** Where the part's content scan resumes: no delimiter starts between {@code start} and here. */
  private int scannedTo;
  private LaterPartCheck laterParts = headers -> {};

  MultipartBody(InputStream source, String boundary) {
    this(source, boundary, BUFFER_SIZE);
  }

  /** With a smaller buffer, tests reach its refills and compactions with small bodies. */
  MultipartBody(InputStream source, String boundary, int bufferSize) {
    this.source = source;
    this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    this.skip = skipTable(delimiter);
    this.buffer = new byte[Math.max(bufferSize, delimiter.length * 2 + MAX_HEADER_BYTES + 4)];
    // The first delimiter has no CRLF before it: pretend it had one, so every delimiter looks alike.
    buffer[0] = '\r';
    buffer[1] = '\n';
    end = 2;
  }

  /**
   * Moves past the next delimiter.
   *
   * @return false when it was the closing delimiter ({@code --boundary--}): no more parts
   */
  boolean nextPart() throws IOException {
    while (true) {
      int found = find(delimiter, start);
      if (found >= 0) {
        start = found + delimiter.length;
        break;
      }
      start = Math.max(start, end - delimiter.length + 1);
      if (!fill()) {
        throw malformed("the body ends before its closing boundary");
      }
    }
    require(2);
    if (buffer[start] == '-' && buffer[start + 1] == '-') {
      return false;
    }
    // Transport padding may follow a delimiter before its CRLF (RFC 2046).
    while (true) {
      require(2);
      if (buffer[start] == '\r' && buffer[start + 1] == '\n') {
        start += 2;
        return true;
      }
      if (buffer[start] != ' ' && buffer[start] != '\t') {
        throw malformed("a boundary is followed by garbage");
      }
      start++;
    }
  }

  /** Reads the current part's header block (up to the empty line), decoded as UTF-8. */
  String headers() throws IOException {
    byte[] blankLine = {'\r', '\n', '\r', '\n'};
    // Decide "no headers" on two bytes seen, never on what happens to be buffered: otherwise a
    // read boundary between them would swallow the content's first CRLF.
    require(2);
    if (buffer[start] == '\r' && buffer[start + 1] == '\n') {
      start += 2;
      return "";
    }
    while (true) {
      int found = find(blankLine, start);
      if (found >= 0) {
        String text = new String(buffer, start, found - start, StandardCharsets.UTF_8);
        start = found + blankLine.length;
        return text;
      }
      if (available() > MAX_HEADER_BYTES) {
        throw malformed("part headers are too long");
      }
      if (!fill()) {
        throw malformed("the body ends inside part headers");
      }
    }
  }

  /** The current part's content, ending just before the next delimiter. */
  InputStream content() {
    return new PartStream(false);
  }

  /**
   * The current part's content as the last part a reader consumes: it reports its end only after
   * the rest of the body has been checked up to the close delimiter ({@code --boundary--}, RFC
   * 2046 §5.1.1), so a body cut short or followed by garbage fails as a {@link MalformedMultipart}
   * from {@code read} instead of looking like a complete part. The epilogue is ignored.
   *
   * @param laterParts sees the header block of every part that follows; it refuses one by
   *     throwing {@link MalformedMultipart}, which the stream's {@code read} then throws
   */
  InputStream lastContent(LaterPartCheck laterParts) {
    this.laterParts = laterParts;
    return new PartStream(true);
  }

  /** A rule for the parts after the one a reader consumes. */
  @FunctionalInterface
  interface LaterPartCheck {
    void check(String headers) throws MalformedMultipart;
  }

  private void verifyRest() throws IOException {
    while (nextPart()) {
      laterParts.check(headers());
      new PartStream(false).transferTo(OutputStream.nullOutputStream());
    }
  }

  private final class PartStream extends InputStream {
    private final boolean verifiesRest;
    private boolean finished;
    /** Kept so that a caller reading on after a failure never sees a clean end. */
    private IOException failure;

    PartStream(boolean verifiesRest) {
      this.verifiesRest = verifiesRest;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
      if (failure != null) {
        throw failure;
      }
      if (length == 0) {
        return 0;
      }
      try {
        return readContent(target, offset, length);
      } catch (IOException e) {
        failure = e;
        throw e;
      }
    }

    private int readContent(byte[] target, int offset, int length) throws IOException {
      while (!finished) {
        // Resume the scan where the last one stopped: rescanning the whole buffer on every small
        // read made the search quadratic in the buffer size.
        int found = find(delimiter, Math.max(start, scannedTo));
        int safeEnd = found >= 0 ? found : end - delimiter.length + 1;
        scannedTo = found >= 0 ? found : Math.max(start, safeEnd);
        if (safeEnd > start) {
          int n = Math.min(length, safeEnd - start);
          System.arraycopy(buffer, start, target, offset, n);
          start += n;
          return n;
        }
        if (found >= 0) {
          if (verifiesRest) {
            verifyRest();
          }
          finished = true;
          break;
        }
        if (!fill()) {
          throw malformed("the body ends inside a part");
        }
      }
      return -1;
    }
  }

  private int available() {
    return end - start;
  }

  private void require(int bytes) throws IOException {
    while (available() < bytes) {
      if (!fill()) {
        throw malformed("the body ends too early");
      }
    }
  }

  /** Compacts the buffer and reads more; false when the source has ended. */
  private boolean fill() throws IOException {
    if (sourceEnded) {
      return false;
    }
    if (start > 0) {
      System.arraycopy(buffer, start, buffer, 0, end - start);
      end -= start;
      scannedTo = Math.max(0, scannedTo - start);
      start = 0;
    }
    int n = source.read(buffer, end, buffer.length - end);
    if (n < 0) {
      sourceEnded = true;
      return false;
    }
    end += n;
    return true;
  }

  /** Index of {@code pattern} in the buffered bytes from {@code from}, or -1. */
  private int find(byte[] pattern, int from) {
    return pattern == delimiter ? findDelimiter(from) : findNaive(pattern, from);
  }

  // Boyer-Moore-Horspool: in file content the scan mostly jumps a whole delimiter length ahead,
  // so it touches a few bytes per delimiter length instead of every byte.
  private int findDelimiter(int from) {
    int last = delimiter.length - 1;
    for (int i = from; i <= end - delimiter.length; ) {
      int j = last;
      while (j >= 0 && buffer[i + j] == delimiter[j]) {
        j--;
      }
      if (j < 0) {
        return i;
      }
      i += skip[buffer[i + last] & 0xFF];
    }
    return -1;
  }

  private int findNaive(byte[] pattern, int from) {
    byte first = pattern[0];
    int last = end - pattern.length;
    for (int i = from; i <= last; i++) {
      if (buffer[i] == first && Arrays.equals(buffer, i + 1, i + pattern.length, pattern, 1, pattern.length)) {
        return i;
      }
    }
    return -1;
  }

  private static int[] skipTable(byte[] pattern) {
    int[] table = new int[256];
    Arrays.fill(table, pattern.length);
    for (int k = 0; k < pattern.length - 1; k++) {
      table[pattern[k] & 0xFF] = pattern.length - 1 - k;
    }
    return table;
  }

  static MalformedMultipart malformed(String why) {
    return new MalformedMultipart(why);
  }

  /** The body is not the multipart/form-data it claims to be. */
  static final class MalformedMultipart extends IOException {
    MalformedMultipart(String message) {
      super(message);
    }
  }
}
