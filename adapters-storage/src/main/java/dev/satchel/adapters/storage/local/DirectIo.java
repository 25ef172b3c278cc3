package dev.satchel.adapters.storage.local;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/** Opens files for direct I/O ({@code O_DIRECT}) where the file system allows it. */
final class DirectIo {
  private DirectIo() {}

  /**
   * A write channel on the existing {@code file} that bypasses the page cache, or empty when the
   * file system refuses direct I/O (tmpfs on older kernels, some network file systems) or its block
   * size does not divide {@link DirectWritePipeline#ALIGNMENT}-aligned chunks.
   */
  static Optional<FileChannel> open(Path file) throws IOException {
    long block = Files.getFileStore(file).getBlockSize();
    if (block <= 0 || DirectWritePipeline.ALIGNMENT % block != 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(FileChannel.open(file, StandardOpenOption.WRITE, ExtendedOpenOption.DIRECT));
    } catch (UnsupportedOperationException | IOException e) {
      // The plain channel already holds the file, so refusing direct I/O cannot mean it is gone.
      return Optional.empty();
    }
  }
}
