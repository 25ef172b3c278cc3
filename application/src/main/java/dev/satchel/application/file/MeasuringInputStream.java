package dev.satchel.application.file;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Passes an upload through while counting its bytes, hashing them with SHA-256, keeping the first
 * few for type detection, and stopping it as soon as it grows past the size limit. It remembers
 * why it stopped, because storage clients may wrap the exception they see.
 */
final class MeasuringInputStream extends HashingBodyStream {

  /** Thrown into the storage adapter when the limit is passed; checked by the caller afterwards. */
  static final class LimitExceeded extends IOException {
    LimitExceeded() {
      super("upload exceeds the size limit");
    }
  }

  private final long maxBytes;
  private final byte[] head;
  private int headFilled;
  private long count;
  private boolean limitExceeded;

  MeasuringInputStream(InputStream source, long maxBytes, int headLength) {
    super(source);
    this.maxBytes = maxBytes;
    this.head = new byte[headLength];
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (limitExceeded) {
      throw new LimitExceeded();
    }
    int n = readSource(buffer, offset, length);
    if (n > 0) {
      count += n;
      if (count > maxBytes) {
        limitExceeded = true;
        throw new LimitExceeded();
      }
      hash(buffer, offset, n);
      int copy = Math.min(n, head.length - headFilled);
      if (copy > 0) {
        System.arraycopy(buffer, offset, head, headFilled, copy);
        headFilled += copy;
      }
    }
    return n;
  }

  long maxBytes() {
    return maxBytes;
  }

  long count() {
    return count;
  }

  boolean limitExceeded() {
    return limitExceeded;
  }

  byte[] head() {
    return Arrays.copyOf(head, headFilled);
  }
}
