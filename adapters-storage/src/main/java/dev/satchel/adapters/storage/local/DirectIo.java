package dev.satchel.adapters.storage.local;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Opens files for direct I/O ({@code O_DIRECT}) where the file system allows it. */
final class DirectIo {
  /**
   * Block size per device id: {@code Files.getFileStore} walks the mount table (66 us a call,
   * about 2 % of a 1 MiB upload's CPU), while the device of a file is one {@code stat}.
   */
  private static final Map<Object, Long> BLOCK_SIZES = new ConcurrentHashMap<>();

  private DirectIo() {}

  /**
   * A write channel on the existing {@code file} that bypasses the page cache, or empty when the
   * file system refuses direct I/O (tmpfs on older kernels, some network file systems) or its block
   * size does not divide {@link DirectWritePipeline#ALIGNMENT}-aligned chunks.
   */
  static Optional<FileChannel> open(Path file) throws IOException {
    long block = blockSize(file);
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

  private static long blockSize(Path file) throws IOException {
    Object device;
    try {
      device = Files.getAttribute(file, "unix:dev");
    } catch (UnsupportedOperationException | IllegalArgumentException noUnixView) {
      return Files.getFileStore(file).getBlockSize();
    }
    Long known = BLOCK_SIZES.get(device);
    if (known != null) {
      return known;
    }
    long block = Files.getFileStore(file).getBlockSize();
    BLOCK_SIZES.put(device, block);
    return block;
  }
}
