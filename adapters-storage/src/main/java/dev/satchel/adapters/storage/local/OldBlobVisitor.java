package dev.satchel.adapters.storage.local;

import dev.satchel.domain.storage.StorageKey;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.function.Consumer;

/** Walks the shard tree, handing keys last written before a cutoff to a visitor. */
final class OldBlobVisitor extends SimpleFileVisitor<Path> {
  private final Path root;
  private final Instant cutoff;
  private final Consumer<StorageKey> visitor;

  OldBlobVisitor(Path root, Instant cutoff, Consumer<StorageKey> visitor) {
    this.root = root;
    this.cutoff = cutoff;
    this.visitor = visitor;
  }

  @Override
  public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
    if (!attributes.isRegularFile() || !attributes.lastModifiedTime().toInstant().isBefore(cutoff)) {
      return FileVisitResult.CONTINUE;
    }
    // Temp files of unfinished writes are never keys; AbandonedWriteVisitor removes stale ones.
    String key = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    if (StorageKey.isValid(key)) {
      visitor.accept(new StorageKey(key));
    }
    return FileVisitResult.CONTINUE;
  }

  // Blobs and shards deleted while the walk runs, by the visitor too, are not errors.
  @Override
  public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
    if (e instanceof NoSuchFileException) {
      return FileVisitResult.CONTINUE;
    }
    throw e;
  }
}
