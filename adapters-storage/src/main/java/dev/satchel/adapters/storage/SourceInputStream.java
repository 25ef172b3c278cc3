package dev.satchel.adapters.storage;

import dev.satchel.domain.error.StorageUnavailable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.OptionalLong;

/**
 * Wraps the content handed to a blob store so that a failed write can tell whether the source or
 * the store broke, since storage clients wrap a source's exception in their own types. A source
 * that breaks its declared length fails as a source too.
 */
public final class SourceInputStream extends FilterInputStream {
  private final OptionalLong declaredLength;
  private long count;
  private IOException failure;

  public SourceInputStream(InputStream source, OptionalLong declaredLength) {
    super(source);
    this.declaredLength = declaredLength;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n;
    try {
      n = in.read(buffer, offset, length);
    } catch (IOException e) {
      throw remember(e);
    }
    count += Math.max(n, 0);
    checkLength(n < 0);
    return n;
  }

  // Skipping would write a blob with holes; the stores never need it.
  @Override
  public long skip(long n) {
    return 0;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void checkLength(boolean ended) throws IOException {
    if (declaredLength.isEmpty()) {
      return;
    }
    long declared = declaredLength.getAsLong();
    if (count > declared) {
      throw remember(new IOException("content is longer than its declared " + declared + " bytes"));
    }
    if (ended && count < declared) {
      throw remember(
          new IOException("content ended after " + count + " of its declared " + declared + " bytes"));
    }
  }

  /**
   * Reads past the declared length, which fails if the source has more: a store told the length
   * stops reading there and would silently drop the rest.
   */
  public void expectEnd() throws IOException {
    read();
  }

  private IOException remember(IOException e) {
    if (failure == null) {
      failure = e;
    }
    return e;
  }

  /**
   * The exception a failed write reports: the source's own failure, unwrapped from whatever the
   * store made of it, or else {@link StorageUnavailable} blaming the store.
   */
  public RuntimeException explain(Exception storeFailure, String reason) {
    if (failure != null) {
      return new UncheckedIOException(failure);
    }
    return new StorageUnavailable(reason, storeFailure);
  }
}
