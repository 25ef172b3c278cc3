package dev.satchel.adapters.storage.local;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;

/**
 * Walks the shard tree removing temp files of writes that stopped before the cutoff (a crash mid
 * upload), counting them, and removing the shard directories left empty.
 */
final class AbandonedWriteVisitor extends SimpleFileVisitor<Path> {
  private final Path root;
  private final Instant cutoff;
  private final DurableDirectories durable;
  private int removed;

  AbandonedWriteVisitor(Path root, Instant cutoff, DurableDirectories durable) {
    this.root = root;
    this.cutoff = cutoff;
    this.durable = durable;
  }

  int removed() {
    return removed;
  }

  @Override
  public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
    // A live write touches its temp file with every piece it stores.
    if (attributes.isRegularFile()
        && file.getFileName().toString().startsWith(AtomicFileWriter.TEMP_PREFIX)
        && attributes.lastModifiedTime().toInstant().isBefore(cutoff)) {
      try {
        if (Files.deleteIfExists(file)) {
          removed++;
        }
      } catch (IOException e) {
        // Left for the next run; one stuck file must not stop the sweep.
      }
    }
    return FileVisitResult.CONTINUE;
  }

  // An upload that finds its shard gone creates it again (AtomicFileWriter retries), so removing
  // an empty one here is safe even while writes run.
  @Override
  public FileVisitResult postVisitDirectory(Path dir, IOException failure) {
    if (!dir.equals(root)) {
      durable.forget(dir);
      try {
        Files.delete(dir);
      } catch (IOException e) {
        // not empty, or already gone
      }
    }
    return FileVisitResult.CONTINUE;
  }

  @Override
  public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
    if (e instanceof NoSuchFileException) {
      return FileVisitResult.CONTINUE;
    }
    throw e;
  }
}
