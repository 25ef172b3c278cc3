package dev.satchel.adapters.storage.local;

import dev.satchel.adapters.storage.SourceInputStream;
import dev.satchel.domain.error.StorageFull;
import dev.satchel.domain.error.StorageUnavailable;
import dev.satchel.domain.storage.BlobContent;
import dev.satchel.domain.storage.BlobStorage;
import dev.satchel.domain.storage.ByteRange;
import dev.satchel.domain.storage.StorageKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;

/** Keeps blobs as files under one root directory, one file per key, each written atomically. */
public final class LocalFileBlobStorage implements BlobStorage {
  private static final int KEY_DEPTH = 3; // ab/cd/<uuid>
  private static final String FAILED = "Local storage failed";

  /**
   * Opens the temp file a blob's bytes are written to: the seam through which tests put a device
   * that is really full ({@code /dev/full}) under the store.
   */
  @FunctionalInterface
  public interface WriteChannels {
    WriteChannels FILES = temp -> FileChannel.open(temp, StandardOpenOption.WRITE);

    FileChannel open(Path temp) throws IOException;

    /**
     * Opens the temp file a second time for direct I/O (bypassing the page cache), for the bulk of
     * a large blob; empty where the file system or its block size does not allow it, and the blob
     * is then written through {@link #open} alone.
     */
    default Optional<FileChannel> openDirect(Path temp) throws IOException {
      return DirectIo.open(temp);
    }
  }

  private final Path root;
  private final DurableDirectories durable;
  private final AtomicFileWriter writer;

  public LocalFileBlobStorage(Path root) {
    this(root, WriteChannels.FILES);
  }

  public LocalFileBlobStorage(Path root, WriteChannels channels) {
    this.root = root.toAbsolutePath().normalize();
    this.durable = new DurableDirectories(this.root);
    this.writer = new AtomicFileWriter(durable, channels);
  }

  /** Writes atomically; a full disk fails with {@link StorageFull}, leaving no temp file behind. */
  @Override
  public long write(StorageKey key, InputStream content, OptionalLong knownLength) {
    SourceInputStream source = new SourceInputStream(content, knownLength);
    try {
      return writer.write(pathOf(key), source);
    } catch (IOException e) {
      RuntimeException failure = source.explain(e, FAILED);
      throw failure instanceof StorageUnavailable && NoSpace.causes(e) ? new StorageFull(e) : failure;
    }
  }

  @Override
  public BlobContent read(StorageKey key, Optional<ByteRange> range) {
    Path file = pathOf(key);
    try {
      // One stat tells missing from present and gives the size; the bytes are opened only if the
      // caller reads the stream rather than sending the file region (sendfile) by its path.
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      if (!attributes.isRegularFile()) {
        throw new IOException("not a regular file: " + file);
      }
      long size = attributes.size();
      long first = range.map(ByteRange::first).orElse(0L);
      // The range was checked against the recorded size; clamping keeps the length truthful
      // should the file on disk disagree.
      long length = Math.max(0, Math.min(range.map(ByteRange::length).orElse(size), size - first));
      return new BlobContent(new FileRegionInputStream(file, first, length), length,
          Optional.of(new BlobContent.FileRegion(file, first, length)));
    } catch (NoSuchFileException e) {
      // A row pointing at no bytes is an inconsistency of the store, not a missing file.
      throw StorageUnavailable.missingBlob(e);
    } catch (IOException e) {
      throw new StorageUnavailable(FAILED, e);
    }
  }

  /**
   * The same stat as {@link #read}, which a local disk answers from its inode cache; an encrypted
   * blob is left to the decorator that can decrypt it, and a missing or unreadable one to
   * {@link #read}, which reports why.
   */
  @Override
  public Optional<BlobContent> readWithoutWaiting(StorageKey key, Optional<ByteRange> range, boolean storedEncrypted) {
    if (storedEncrypted) {
      return Optional.empty();
    }
    try {
      return Optional.of(read(key, range));
    } catch (StorageUnavailable notHere) {
      return Optional.empty();
    }
  }

  @Override
  public void delete(StorageKey key) {
    Path path = pathOf(key);
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new StorageUnavailable(FAILED, e);
    }
    removeEmptyShards(path.getParent());
  }

  // Empty shard directories would otherwise pile up; one still in use simply refuses to go.
  private void removeEmptyShards(Path shard) {
    for (Path dir = shard; dir.startsWith(root) && !dir.equals(root); dir = dir.getParent()) {
      durable.forget(dir);
      try {
        Files.delete(dir);
      } catch (IOException e) {
        return; // not empty or already gone; the blob itself is deleted either way
      }
    }
  }

  @Override
  public void forEachKeyOlderThan(Instant cutoff, Consumer<StorageKey> visitor) {
    if (!Files.isDirectory(root)) {
      return;
    }
    try {
      Files.walkFileTree(root, Set.of(), KEY_DEPTH, new OldBlobVisitor(root, cutoff, visitor));
    } catch (IOException e) {
      throw new StorageUnavailable(FAILED, e);
    }
  }

  @Override
  public int removeAbandonedWrites(Instant untouchedSince) {
    if (!Files.isDirectory(root)) {
      return 0;
    }
    AbandonedWriteVisitor visitor = new AbandonedWriteVisitor(root, untouchedSince, durable);
    try {
      Files.walkFileTree(root, Set.of(), KEY_DEPTH, visitor);
    } catch (IOException e) {
      throw new StorageUnavailable(FAILED, e);
    }
    return visitor.removed();
  }

  /** The file store's usable space under the root. */
  @Override
  public OptionalLong freeBytes() {
    try {
      return OptionalLong.of(Files.getFileStore(root).getUsableSpace());
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty();
    }
  }

  @Override
  public boolean isReachable() {
    try {
      Files.createDirectories(root);
      return Files.isDirectory(root) && Files.isWritable(root);
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  // Tests check that no directory stays marked durable once it is gone.
  DurableDirectories durableDirectories() {
    return durable;
  }

  // StorageKey admits only hex shards and a UUID, so the resolved path cannot leave the root.
  Path pathOf(StorageKey key) {
    return root.resolve(key.value());
  }
}
