package dev.satchel.adapters.storage.local;

import dev.satchel.adapters.storage.RangeInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The bytes of a local file region, opened only when first read: a local blob usually goes out
 * through sendfile by its path, and then this stream is closed unread without ever touching the
 * file (it used to cost an open, a seek and a close per download).
 */
final class FileRegionInputStream extends InputStream {
  private final Path file;
  private final long offset;
  private final long length;
  private InputStream open;
  private boolean closed;

  FileRegionInputStream(Path file, long offset, long length) {
    this.file = file;
    this.offset = offset;
    this.length = length;
  }

  @Override
  public int read() throws IOException {
    return opened().read();
  }

  @Override
  public int read(byte[] buffer, int from, int count) throws IOException {
    return opened().read(buffer, from, count);
  }

  @Override
  public long skip(long count) throws IOException {
    return opened().skip(count);
  }

  @Override
  public int available() throws IOException {
    return open == null ? 0 : open.available();
  }

  @Override
  public void close() throws IOException {
    closed = true;
    if (open != null) {
      open.close();
    }
  }

  private InputStream opened() throws IOException {
    if (closed) {
      throw new IOException("stream closed");
    }
    if (open == null) {
      FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
      try {
        channel.position(offset);
      } catch (IOException e) {
        channel.close();
        throw e;
      }
      open = new RangeInputStream(Channels.newInputStream(channel), length);
    }
    return open;
  }
}
