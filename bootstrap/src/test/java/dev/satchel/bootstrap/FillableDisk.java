package dev.satchel.bootstrap;

import dev.satchel.adapters.storage.local.LocalFileBlobStorage;
import dev.satchel.bootstrap.config.SatchelConfig;
import dev.satchel.domain.storage.BlobContent;
import dev.satchel.domain.storage.BlobStorage;
import dev.satchel.domain.storage.ByteRange;
import dev.satchel.domain.storage.StorageKey;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The real local-disk storage whose blob writes can be pointed at {@code /dev/full}, the kernel's
 * always-full device, so uploads meet a genuine ENOSPC; while full it also reports no free space.
 */
@Alternative
@Singleton
public class FillableDisk implements BlobStorage {
  private static final Path FULL_DEVICE = Path.of("/dev/full");

  private final AtomicBoolean full = new AtomicBoolean();
  private final Path root;
  private final LocalFileBlobStorage disk;

  public FillableDisk(SatchelConfig config) {
    this.root = config.storage().local().path().toAbsolutePath().normalize();
    this.disk = new LocalFileBlobStorage(root, temp -> full.get()
        ? FileChannel.open(FULL_DEVICE, StandardOpenOption.WRITE)
        : LocalFileBlobStorage.WriteChannels.FILES.open(temp));
  }

  public void fill() {
    full.set(true);
  }

  public void free() {
    full.set(false);
  }

  /** Temp files of writes in progress (or left behind) under the blob root. */
  public List<Path> tempFiles() {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(f -> f.getFileName().toString().startsWith(".tmp-")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public long write(StorageKey key, InputStream content, OptionalLong knownLength) {
    return disk.write(key, content, knownLength);
  }

  @Override
  public BlobContent read(StorageKey key, Optional<ByteRange> range) {
    return disk.read(key, range);
  }

  @Override
  public void delete(StorageKey key) {
    disk.delete(key);
  }

  @Override
  public void forEachKeyOlderThan(Instant cutoff, Consumer<StorageKey> visitor) {
    disk.forEachKeyOlderThan(cutoff, visitor);
  }

  @Override
  public boolean isReachable() {
    return disk.isReachable();
  }

  @Override
  public int removeAbandonedWrites(Instant untouchedSince) {
    return disk.removeAbandonedWrites(untouchedSince);
  }

  @Override
  public OptionalLong freeBytes() {
    return full.get() ? OptionalLong.of(0) : disk.freeBytes();
  }
}
