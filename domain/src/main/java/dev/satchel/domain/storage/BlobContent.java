package dev.satchel.domain.storage;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * An open stream over a blob (or a range of it) and how many bytes it will yield. A store that
 * keeps blobs as local files also names the file region, so the HTTP layer can hand it to the
 * kernel (sendfile) instead of copying it through the JVM; it then closes the stream unread.
 */
public record BlobContent(InputStream stream, long length, Optional<FileRegion> fileRegion) implements AutoCloseable {

  /** A byte region of a local file. */
  public record FileRegion(Path path, long offset, long length) {
    public FileRegion {
      Objects.requireNonNull(path, "path");
    }
  }

  public BlobContent {
    Objects.requireNonNull(stream, "stream");
    Objects.requireNonNull(fileRegion, "fileRegion");
  }

  public BlobContent(InputStream stream, long length) {
    this(stream, length, Optional.empty());
  }

  @Override
  public void close() throws java.io.IOException {
    stream.close();
  }
}
