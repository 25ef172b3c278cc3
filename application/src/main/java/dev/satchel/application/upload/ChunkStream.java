package dev.satchel.application.upload;

import dev.satchel.application.file.HashingBodyStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.BooleanSupplier;

/**
 * A PATCH body on its way to staging: hashes it with SHA-256, stops it when it runs past the
 * upload's length, and stops it when the writer's lease was lost ({@link UploadLeases} renews it
 * and says so). It remembers why it stopped, since the staging store treats every read failure
 * alike: it keeps what arrived and returns.
 */
final class ChunkStream extends HashingBodyStream {
  private final long maxBytes;
  private final BooleanSupplier leaseHeld;
  private long count;
  private boolean overflowed;
  private boolean leaseLost;

  /**
   * @param maxBytes the bytes the upload still lacks; one more fails the read
   * @param leaseHeld says whether the writer still holds the upload's lease; asked before every
   *     read, so it must be cheap
   */
  ChunkStream(InputStream source, long maxBytes, BooleanSupplier leaseHeld) {
    super(source);
    this.maxBytes = maxBytes;
    this.leaseHeld = leaseHeld;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (overflowed || leaseLost) {
      throw new IOException("the chunk was stopped");
    }
    stopIfLeaseLost();
    // One byte beyond the upload's end is enough to know the body is too long.
    long remaining = maxBytes - count;
    int wanted = remaining >= length ? length : (int) remaining + 1;
    int n = readSource(buffer, offset, wanted);
    if (n > 0) {
      if (count + n > maxBytes) {
        overflowed = true;
        throw new IOException("the body runs past the upload's length");
      }
      count += n;
      hash(buffer, offset, n);
    }
    return n;
  }

  private void stopIfLeaseLost() throws IOException {
    if (!leaseHeld.getAsBoolean()) {
      leaseLost = true;
      throw new IOException("the upload's lease was lost");
    }
  }

  boolean overflowed() {
    return overflowed;
  }

  boolean leaseLost() {
    return leaseLost;
  }
}
