package dev.satchel.adapters.storage.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file under a root so that it either appears complete and on disk, or not at all: the
 * bytes go to a synced temp file beside the target, which is then renamed into place.
 */
final class AtomicFileWriter {
  /** Prefix of in-progress writes; such files are never keys and are swept when stale. */
  static final String TEMP_PREFIX = ".tmp-";

  private static final int BUFFER_SIZE = 64 * 1024;
  private static final int CREATE_ATTEMPTS = 3;

  private final Path root;
  private final LocalFileBlobStorage.WriteChannels channels;

  AtomicFileWriter(Path root, LocalFileBlobStorage.WriteChannels channels) {
    this.root = root;
    this.channels = channels;
  }

  /** Streams {@code source} to {@code target} and returns the bytes written. */
  long write(Path target, InputStream source) throws IOException {
    Path temp = createTempNextTo(target);
    try {
      long written = copyDurably(source, temp);
      publish(temp, target);
      return written;
    } catch (IOException | RuntimeException e) {
      deleteQuietly(temp);
      throw e;
    }
  }

  // The temp file shares the target's directory so that the final rename stays atomic.
  private Path createTempNextTo(Path target) throws IOException {
    Path shard = target.getParent();
    for (int attempt = 1; ; attempt++) {
      try {
        boolean existed = Files.isDirectory(shard);
        Files.createDirectories(shard);
        Path temp = Files.createTempFile(shard, TEMP_PREFIX, null);
        if (!existed) {
          forceAncestors(shard);
        }
        return temp;
      } catch (NoSuchFileException e) {
        // A concurrent delete removed the shard directory as it became empty: create it again.
        if (attempt == CREATE_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private long copyDurably(InputStream source, Path temp) throws IOException {
    try (FileChannel out = channels.open(temp)) {
      long written = copy(source, out);
      out.force(true);
      return written;
    }
  }

  private static long copy(InputStream source, FileChannel out) throws IOException {
    byte[] buffer = new byte[BUFFER_SIZE];
    ByteBuffer view = ByteBuffer.wrap(buffer);
    long total = 0;
    for (int n = source.read(buffer); n >= 0; n = source.read(buffer)) {
      view.clear().limit(n);
      while (view.hasRemaining()) {
        out.write(view);
      }
      total += n;
    }
    return total;
  }

  // The rename is durable only once the directory holding the new entry is synced as well.
  private static void publish(Path temp, Path target) throws IOException {
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    try {
      force(target.getParent());
    } catch (IOException e) {
      deleteQuietly(target);
      throw e;
    }
  }

  // A new shard directory is an entry in its parent, which must reach the disk too.
  private void forceAncestors(Path shard) throws IOException {
    for (Path dir = shard.getParent(); dir != null && dir.startsWith(root); dir = dir.getParent()) {
      force(dir);
    }
  }

  private static void force(Path directory) throws IOException {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // Stale temp files and orphan blobs are swept later; the original failure matters more.
    }
  }
}
