package dev.satchel.adapters.storage.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Writes a file under a root so that it either appears complete and on disk, or not at all: the
 * bytes go to a synced temp file beside the target, which is then renamed into place.
 */
final class AtomicFileWriter {
  /** Prefix of in-progress writes; such files are never keys and are swept when stale. */
  static final String TEMP_PREFIX = ".tmp-";

  private static final int BUFFER_SIZE = 64 * 1024;
  /** Where a blob still streaming switches to direct I/O; a multiple of the direct alignment. */
  static final long DIRECT_AFTER_BYTES = 1024 * 1024;
  // One more than the shard re-creations tolerated, as the first attempt may trust a known shard.
  private static final int CREATE_ATTEMPTS = 4;

  private final DurableDirectories durable;
  private final LocalFileBlobStorage.WriteChannels channels;

  AtomicFileWriter(DurableDirectories durable, LocalFileBlobStorage.WriteChannels channels) {
    this.durable = durable;
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

  // The temp file shares the target's directory so that the final rename stays atomic. A shard this
  // process has made durable exists (its mark is forgotten before any removal), so the mkdir that
  // would answer "exists" plus its stat are skipped; an unknown shard, usually a new one, is
  // created first rather than discovered missing through an exception.
  private Path createTempNextTo(Path target) throws IOException {
    Path shard = target.getParent();
    boolean makeShard = !durable.isKnown(shard);
    for (int attempt = 1; ; attempt++) {
      try {
        if (makeShard) {
          Files.createDirectories(shard);
        }
        return Files.createTempFile(shard, TEMP_PREFIX, null);
      } catch (NoSuchFileException e) {
        // A concurrent delete removed the shard directory as it became empty: create it again.
        if (attempt == CREATE_ATTEMPTS) {
          throw e;
        }
        makeShard = true;
      }
    }
  }

  private long copyDurably(InputStream source, Path temp) throws IOException {
    try (FileChannel out = channels.open(temp)) {
      long written = copy(source, out, DIRECT_AFTER_BYTES);
      if (written == DIRECT_AFTER_BYTES) {
        written += copyRest(source, temp, out, written);
      }
      out.force(true);
      return written;
    }
  }

  // Small blobs, most of them, stay on the plain path: a direct write would wait on the device for
  // each of them, and their page-cache copy costs little.
  private long copyRest(InputStream source, Path temp, FileChannel out, long position) throws IOException {
    Optional<FileChannel> direct = channels.openDirect(temp);
    if (direct.isEmpty()) {
      return copy(source, out, Long.MAX_VALUE);
    }
    try (FileChannel channel = direct.get()) {
      return new DirectWritePipeline(channel, out).copy(source, position);
    }
  }

  /** Copies until the source ends or {@code limit} bytes are copied, whichever comes first. */
  private static long copy(InputStream source, FileChannel out, long limit) throws IOException {
    byte[] buffer = new byte[BUFFER_SIZE];
    ByteBuffer view = ByteBuffer.wrap(buffer);
    long total = 0;
    while (total < limit) {
      int n = source.read(buffer, 0, (int) Math.min(buffer.length, limit - total));
      if (n < 0) {
        break;
      }
      view.clear().limit(n);
      while (view.hasRemaining()) {
        out.write(view);
      }
      total += n;
    }
    return total;
  }

  // The rename is durable only once the directory holding the new entry is synced as well, and
  // a shard directory this process has not yet made durable is an entry in its parent, and so on.
  // Those ancestors are synced last, after the shard: by then the journal commit the shard's sync
  // waited for usually holds their entries too, so on ext4 they return without waiting again.
  private void publish(Path temp, Path target) throws IOException {
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    try {
      DurableDirectories.force(target.getParent());
      durable.ensure(target.getParent());
    } catch (IOException e) {
      deleteQuietly(target);
      throw e;
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
