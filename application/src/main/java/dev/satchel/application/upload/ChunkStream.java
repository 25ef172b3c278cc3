package dev.satchel.application.upload;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
final class ChunkStream extends FilterInputStream {
  private final long maxBytes;
  private final MessageDigest digest;
  private final Clock clock;
  private final Duration renewEvery;
  private final BooleanSupplier renewLease;
  private Instant renewedAt;
  private long count;
  private boolean overflowed;
  private boolean leaseLost;
  private IOException sourceFailure;

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
    if (overflowed || leaseLost) {
      throw new IOException("the chunk was stopped");
    }
    keepLease();
    // One byte beyond the upload's end is enough to know the body is too long.
    long remaining = maxBytes - count;
    int wanted = remaining >= length ? length : (int) remaining + 1;
    int n;
    try {
      n = in.read(buffer, offset, wanted);
    } catch (IOException e) {
      sourceFailure = e;
      throw e;
    }
    if (n > 0) {
      if (count + n > maxBytes) {
        overflowed = true;
        throw new IOException("the body runs past the upload's length");
      }
      count += n;
      digest.update(buffer, offset, n);
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

  @Override
  public long skip(long n) {
    return 0; // skipping would corrupt the checksum
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  boolean overflowed() {
    return overflowed;
  }

  boolean leaseLost() {
    return leaseLost;
  }

  /** The client's own read failure (a dropped connection, a pacing stop), if any. */
  IOException sourceFailure() {
    return sourceFailure;
  }

  byte[] sha256() {
    return digest.digest();
  }
}
