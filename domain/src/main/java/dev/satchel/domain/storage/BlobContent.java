package dev.satchel.domain.storage;

import java.io.InputStream;

/** An open stream over a blob (or a range of it) and how many bytes it will yield. */
public record BlobContent(InputStream stream, long length) implements AutoCloseable {
  @Override
  public void close() throws java.io.IOException {
    stream.close();
  }
}
