package dev.satchel.adapters.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Ends a stream after a fixed number of bytes, so a range read never serves the rest of a file
 * (local blobs) and decryption stops at the end of a range (encrypted blobs).
 */
public final class RangeInputStream extends FilterInputStream {
  private long remaining;

  public RangeInputStream(InputStream source, long length) {
    super(source);
    this.remaining = length;
  }

  @Override
  public int read() throws IOException {
    if (remaining <= 0) {
      return -1;
    }
    int b = in.read();
    if (b >= 0) {
      remaining--;
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (remaining <= 0) {
      return -1;
    }
    int n = in.read(buffer, offset, (int) Math.min(length, remaining));
    if (n > 0) {
      remaining -= n;
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = in.skip(Math.min(n, remaining));
    remaining -= skipped;
    return skipped;
  }

  @Override
  public int available() throws IOException {
    return (int) Math.min(in.available(), remaining);
  }

  // Marking would let reset() move outside the range.
  @Override
  public boolean markSupported() {
    return false;
  }
}
