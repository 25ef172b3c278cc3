package dev.satchel.domain.testing;

import dev.satchel.domain.error.StorageUnavailable;
import dev.satchel.domain.storage.BlobContent;
import dev.satchel.domain.storage.BlobStorage;
import dev.satchel.domain.storage.ByteRange;
import dev.satchel.domain.storage.StorageKey;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Blobs in a map, stamped with the clock's time when written. Like the real stores, a write reads
 * its source to the end before keeping anything, and a source failure surfaces as
 * {@link UncheckedIOException}.
 */
public class InMemoryBlobStorage implements BlobStorage {
  private record Blob(byte[] bytes, Instant writtenAt) {}

  private final Map<StorageKey, Blob> blobs = new ConcurrentHashMap<>();
  private final List<Instant> abandonedWrites = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final Clock clock;

  public InMemoryBlobStorage(Clock clock) {
    this.clock = clock;
  }

  @Override
  public long write(StorageKey key, InputStream content, OptionalLong knownLength) {
    byte[] bytes;
    try {
      bytes = content.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (knownLength.isPresent() && knownLength.getAsLong() != bytes.length) {
      throw new UncheckedIOException(new IOException("content does not match its declared length"));
    }
    blobs.put(key, new Blob(bytes, clock.instant()));
    return bytes.length;
  }

  @Override
  public BlobContent read(StorageKey key, Optional<ByteRange> range) {
    Blob blob = blobs.get(key);
    if (blob == null) {
      throw StorageUnavailable.missingBlob(null);
    }
    int first = range.map(r -> (int) r.first()).orElse(0);
    int length = range.map(r -> (int) r.length()).orElse(blob.bytes().length);
    return new BlobContent(new ByteArrayInputStream(blob.bytes(), first, length), length);
  }

  // Like a local disk: what is here opens at once, what is not is left to read() to explain.
  @Override
  public Optional<BlobContent> readWithoutWaiting(StorageKey key, Optional<ByteRange> range, boolean storedEncrypted) {
    return blobs.containsKey(key) ? Optional.of(read(key, range)) : Optional.empty();
  }

  @Override
  public void delete(StorageKey key) {
    blobs.remove(key);
  }

  @Override
  public void forEachKeyOlderThan(Instant cutoff, Consumer<StorageKey> visitor) {
    List.copyOf(blobs.entrySet()).stream()
        .filter(e -> e.getValue().writtenAt().isBefore(cutoff))
        .forEach(e -> visitor.accept(e.getKey()));
  }

  @Override
  public boolean isReachable() {
    return true;
  }

  @Override
  public int removeAbandonedWrites(Instant untouchedSince) {
    List<Instant> stale = abandonedWrites.stream().filter(touched -> touched.isBefore(untouchedSince)).toList();
    abandonedWrites.removeAll(stale);
    return stale.size();
  }

  /** Leaves the partial write of an upload cut by a crash, last touched at {@code touched}. */
  public void leaveAbandonedWrite(Instant touched) {
    abandonedWrites.add(touched);
  }

  public int abandonedWrites() {
    return abandonedWrites.size();
  }

  /** Stores bytes directly, as if written at the clock's current time. */
  public void put(StorageKey key, byte[] bytes) {
    blobs.put(key, new Blob(bytes.clone(), clock.instant()));
  }

  public boolean contains(StorageKey key) {
    return blobs.containsKey(key);
  }

  public byte[] bytes(StorageKey key) {
    return blobs.get(key).bytes().clone();
  }

  public Set<StorageKey> keys() {
    return Set.copyOf(blobs.keySet());
  }
}
