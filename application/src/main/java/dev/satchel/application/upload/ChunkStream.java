package dev.satchel.application.upload;

import dev.satchel.application.file.HashingBodyStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * A PATCH body on its way to staging: hashes it with SHA-256, stops it when it runs past the
 * upload's length, and renews the writer's lease while bytes keep coming, stopping the body when
 * the lease is lost. It remembers why it stopped, since the staging store treats every read
 * failure alike: it keeps what arrived and returns.
 */
final class ChunkStream extends HashingBodyStream {
  private final long maxBytes;
  private final Clock clock;
  private final Duration renewEvery;
  private final BooleanSupplier renewLease;
  private Instant renewedAt;
  private long count;
  private boolean overflowed;
  private boolean leaseLost;

  /**
   * @param maxBytes the bytes the upload still lacks; one more fails the read
   * @param renewLease extends the lease and says whether it is still held
   */
  ChunkStream(InputStream source, long maxBytes, Clock clock, Duration renewEvery, BooleanSupplier renewLease) {
    super(source);
    this.maxBytes = maxBytes;
    this.clock = clock;
    this.renewEvery = renewEvery;
    this.renewLease = renewLease;
    this.renewedAt = clock.instant();
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (overflowed || leaseLost) {
      throw new IOException("the chunk was stopped");
    }
    keepLease();
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

  private void keepLease() throws IOException {
    Instant now = clock.instant();
    if (Duration.between(renewedAt, now).compareTo(renewEvery) < 0) {
      return;
    }
    renewedAt = now;
    if (!renewLease.getAsBoolean()) {
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
