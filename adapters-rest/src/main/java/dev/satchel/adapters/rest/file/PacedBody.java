package dev.satchel.adapters.rest.file;

import dev.satchel.domain.error.UploadTimedOut;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongSupplier;

/**
 * An upload body that a watchdog can stop: {@link #check(long)} ends it when a read has waited
 * longer than the read timeout, or when the bytes of a window of waiting fall below the minimum
 * rate. A read blocked on the network is then woken by interrupting its thread, so the caller can
 * still answer 408; nothing else of the thread ever sees that interrupt.
 *
 * <p>Only time spent waiting inside {@code read} counts, so a slow store never makes a fast
 * client look slow.
 */
final class PacedBody extends FilterInputStream {
  /** Thrown from {@code read} once the upload is stopped; the storage code treats it as any source failure. */
  static final class Stopped extends IOException {
    Stopped(String reason) {
      super(reason);
    }
  }

  private final long readTimeoutNanos;
  private final long windowNanos;
  private final long minBytesPerWindow;
  private final LongSupplier nanoTime;
  private final String rateReason;
  private final String stallReason;
  private final Object lock = new Object();

  // All guarded by lock.
  private Thread reader;
  private long readStarted;
  private long windowWaited;
  private long windowBytes;
  private String stopped;
  private boolean stopSeenByReader;
  private boolean finished;

  PacedBody(InputStream source, UploadPacing pacing, LongSupplier nanoTime) {
    super(source);
    this.readTimeoutNanos = pacing.readTimeout().toNanos();
    this.windowNanos = pacing.rateWindow().toNanos();
    this.minBytesPerWindow = pacing.minBytesPerSecond() * pacing.rateWindow().toSeconds();
    this.nanoTime = nanoTime;
    this.stallReason = "No upload data arrived for " + pacing.readTimeout().toSeconds() + " seconds.";
    this.rateReason = "The upload was slower than " + pacing.minBytesPerSecond() + " bytes per second over "
        + pacing.rateWindow().toSeconds() + " seconds.";
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    synchronized (lock) {
      throwIfStopped();
      reader = Thread.currentThread();
      readStarted = nanoTime.getAsLong();
    }
    int n = -1;
    try {
      n = in.read(buffer, offset, length);
      return n;
    } catch (IOException e) {
      synchronized (lock) {
        throwIfStopped();
      }
      throw e;
    } finally {
      synchronized (lock) {
        reader = null;
        windowWaited += nanoTime.getAsLong() - readStarted;
        windowBytes += Math.max(n, 0);
        if (stopped != null) {
          // Our interrupt, possibly unconsumed: it must not break the store's channel or JDBC later.
          Thread.interrupted();
        }
      }
    }
  }

  private void throwIfStopped() throws Stopped {
    if (stopped != null) {
      stopSeenByReader = true;
      throw new Stopped(stopped);
    }
  }

  /**
   * Judges the upload at {@code now} (in {@link System#nanoTime()} units), stopping it when too slow.
   *
   * @return true once the upload is stopped or finished: the watchdog may stop looking
   */
  boolean check(long now) {
    synchronized (lock) {
      if (finished || stopped != null) {
        return true;
      }
      long pending = reader == null ? 0 : now - readStarted;
      if (pending >= readTimeoutNanos) {
        return stop(stallReason);
      }
      long waited = windowWaited + pending;
      if (waited >= windowNanos) {
        if (windowBytes < minBytesPerWindow) {
          return stop(rateReason);
        }
        windowBytes = 0;
        // The pending read's wait so far belonged to the window just judged.
        windowWaited = -pending;
      }
      return false;
    }
  }

  private boolean stop(String reason) {
    stopped = reason;
    if (reader != null) {
      reader.interrupt();
    }
    return true;
  }

  /** True while a read waits for the client. */
  boolean waitingForClient() {
    synchronized (lock) {
      return reader != null;
    }
  }

  /** Ends watching: a check after this changes nothing. */
  void finish() {
    synchronized (lock) {
      finished = true;
    }
  }

  /**
   * The error to report for {@code failure}: 408 when this body was stopped and the upload failed
   * reading it, otherwise the failure itself.
   */
  RuntimeException explain(RuntimeException failure) {
    synchronized (lock) {
      return stopSeenByReader ? new UploadTimedOut(stopped) : failure;
    }
  }
}
