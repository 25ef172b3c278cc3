package dev.satchel.application.file;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Passes an upload through while counting its bytes, hashing them with SHA-256, keeping the first
 * few for type detection, and stopping it as soon as it grows past the size limit. It remembers
 * why it stopped, because storage clients may wrap the exception they see.
 */
final class MeasuringInputStream extends FilterInputStream {

  /** Thrown into the storage adapter when the limit is passed; checked by the caller afterwards. */
  static final class LimitExceeded extends IOException {
    LimitExceeded() {
      super("upload exceeds the size limit");
    }
  }

  private final long maxBytes;
  private final MessageDigest digest;
  private final byte[] head;
  private int headFilled;
  private long count;
  private boolean limitExceeded;
  private IOException sourceFailure;

  MeasuringInputStream(InputStream source, long maxBytes, int headLength) {
    super(source);
    this.maxBytes = maxBytes;
    this.head = new byte[headLength];
    try {
      this.digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (limitExceeded) {
      throw new LimitExceeded();
    }
    int n;
    try {
      n = in.read(buffer, offset, length);
    } catch (IOException e) {
      sourceFailure = e;
      throw e;
    }
    if (n > 0) {
      count += n;
      if (count > maxBytes) {
        limitExceeded = true;
        throw new LimitExceeded();
      }
      digest.update(buffer, offset, n);
      int copy = Math.min(n, head.length - headFilled);
      if (copy > 0) {
        System.arraycopy(buffer, offset, head, headFilled, copy);
        headFilled += copy;
      }
    }
    return n;
  }

  @Override
  public long skip(long n) {
    return 0; // skipping would corrupt the checksum
  }

  @Override
  public boolean markSupported() {
    return false;
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

  IOException sourceFailure() {
    return sourceFailure;
  }

  byte[] head() {
    return Arrays.copyOf(head, headFilled);
  }

  byte[] sha256() {
    return digest.digest();
  }
}
