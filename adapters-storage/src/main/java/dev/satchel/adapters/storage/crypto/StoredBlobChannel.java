package dev.satchel.adapters.storage.crypto;

import dev.satchel.domain.storage.BlobContent;
import dev.satchel.domain.storage.BlobStorage;
import dev.satchel.domain.storage.ByteRange;
import dev.satchel.domain.storage.StorageKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.util.Optional;

/**
 * A read-only seekable view of a stored blob for Tink's seekable decryption: sequential reads share
 * one ranged read of the store; a jump opens a new one. Reads before {@code windowStart} (only the
 * stream header, when the wanted range starts further in) ask for just {@code headerLength} bytes,
 * and reads inside the window ask up to {@code windowEnd}, so a Range on S3 fetches only the
 * segments it needs.
 */
final class StoredBlobChannel implements SeekableByteChannel {
  private final BlobStorage store;
  private final StorageKey key;
  private final long size;
  private final long headerLength;
  private long windowStart;
  private long windowEnd;
  private long position;
  private InputStream open;
  private long openAt;
  private long openEnd;
  private boolean closed;

  StoredBlobChannel(BlobStorage store, StorageKey key, long size, long headerLength) {
    this.store = store;
    this.key = key;
    this.size = size;
    this.headerLength = headerLength;
    this.windowStart = 0;
    this.windowEnd = size - 1;
  }

  /** Narrows later reads to the ciphertext bytes {@code start..end} (inclusive) a range needs. */
  void window(long start, long end) {
    this.windowStart = start;
    this.windowEnd = end;
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    ensureOpen();
    if (position >= size) {
      return -1;
    }
    if (open == null || openAt != position || position > openEnd) {
      reopen();
    }
    int wanted = (int) Math.min(dst.remaining(), openEnd - position + 1);
    int n;
    if (dst.hasArray()) { // Tink's segment buffers: read straight into them, no copy
      n = open.read(dst.array(), dst.arrayOffset() + dst.position(), wanted);
      if (n > 0) {
        dst.position(dst.position() + n);
      }
    } else {
      byte[] bytes = new byte[wanted];
      n = open.read(bytes, 0, wanted);
      if (n > 0) {
        dst.put(bytes, 0, n);
      }
    }
    if (n < 0) {
      throw new IOException("the stored blob ended before its recorded length");
    }
    position += n;
    openAt = position;
    return n;
  }

  /** Opens the first read at offset 0 now, so a missing blob fails before any response starts. */
  void openAtStart() throws IOException {
    position = 0;
    reopen();
  }

  private void reopen() throws IOException {
    closeOpen();
    long end;
    if (position < windowStart) {
      end = Math.min(headerLength, windowStart) - 1;
      end = Math.max(end, position);
    } else if (position <= windowEnd) {
      end = windowEnd;
    } else {
      end = size - 1;
    }
    BlobContent content = store.read(key, Optional.of(new ByteRange(position, end)));
    open = content.stream();
    openAt = position;
    openEnd = end;
  }

  @Override
  public long position() throws IOException {
    ensureOpen();
    return position;
  }

  @Override
  public SeekableByteChannel position(long newPosition) throws IOException {
    ensureOpen();
    if (newPosition < 0) {
      throw new IllegalArgumentException("negative position");
    }
    position = newPosition;
    return this;
  }

  @Override
  public long size() throws IOException {
    ensureOpen();
    return size;
  }

  @Override
  public int write(ByteBuffer src) {
    throw new NonWritableChannelException();
  }

  @Override
  public SeekableByteChannel truncate(long newSize) {
    throw new NonWritableChannelException();
  }

  @Override
  public boolean isOpen() {
    return !closed;
  }

  @Override
  public void close() throws IOException {
    closed = true;
    closeOpen();
  }

  private void closeOpen() throws IOException {
    if (open != null) {
      InputStream stream = open;
      open = null;
      stream.close();
    }
  }

  private void ensureOpen() throws ClosedChannelException {
    if (closed) {
      throw new ClosedChannelException();
    }
  }
}
