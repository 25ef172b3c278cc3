package dev.satchel.adapters.storage.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.satchel.adapters.storage.AllAtOnce;
import dev.satchel.adapters.storage.BlobStorageContractTest;
import dev.satchel.domain.error.StorageFull;
import dev.satchel.domain.error.StorageUnavailable;
import dev.satchel.domain.storage.BlobStorage;
import dev.satchel.domain.storage.StorageKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileBlobStorageTest extends BlobStorageContractTest {
  @TempDir Path root;

  private LocalFileBlobStorage storage;

  @BeforeEach
  void createStorage() {
    storage = new LocalFileBlobStorage(root);
  }

  @Override
  protected BlobStorage storage() {
    return storage;
  }

  @Override
  protected void assertNoPartialWrites() {
    assertThat(allFiles()).isEmpty();
  }

  @Test
  void blobIsOneFileAtItsKeyUnderRoot() throws IOException {
    StorageKey key = newKey();

    storage.write(key, source(randomBytes(1000, 8)), OptionalLong.empty());

    Path expected = root.resolve(key.value());
    assertThat(expected.toRealPath()).startsWith(root.toRealPath());
    assertThat(allFiles()).containsExactly(expected);
  }

  @Test
  void abandonedWritesAreRemovedAndCountedButLiveOnesKept() throws IOException {
    Path shard = Files.createDirectories(root.resolve("ab/cd"));
    Path stale = Files.createFile(shard.resolve(".tmp-crashed"));
    Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofMinutes(5))));
    Path live = Files.createFile(shard.resolve(".tmp-uploading"));

    int removed = storage.removeAbandonedWrites(Instant.now().minus(Duration.ofMinutes(1)));

    assertThat(removed).isEqualTo(1);
    assertThat(stale).doesNotExist();
    assertThat(live).exists();
  }

  @Test
  void removingAbandonedWritesClearsEmptyShardsButKeepsBlobsAndRoot() throws IOException {
    StorageKey kept = newKey();
    storage.write(kept, source(randomBytes(10, 12)), OptionalLong.empty());
    Path shard = Files.createDirectories(root.resolve("ef/01"));
    Path stale = Files.createFile(shard.resolve(".tmp-crashed"));
    Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
    Files.createDirectories(root.resolve("99/88"));

    assertThat(storage.removeAbandonedWrites(Instant.now())).isEqualTo(1);

    assertThat(root.resolve("ef")).doesNotExist();
    assertThat(root.resolve("99")).doesNotExist();
    assertThat(readAll(kept, Optional.empty())).hasSize(10);
    assertThat(root).isDirectory();
  }

  @Test
  void listingKeysNeverTouchesTempFiles() throws IOException {
    Path shard = Files.createDirectories(root.resolve("ab/cd"));
    Path temp = Files.createFile(shard.resolve(".tmp-uploading"));
    Files.setLastModifiedTime(temp, FileTime.from(Instant.now().minus(Duration.ofDays(2))));

    assertThat(keysOlderThan(Instant.now().plus(Duration.ofHours(1)))).isEmpty();
    assertThat(temp).exists();
  }

  @Test
  void fullDiskFailsWithStorageFullLeavesNothingAndRecoversWhenSpaceReturns() throws IOException {
    // /dev/full is the kernel's own full device: every write to it fails with ENOSPC.
    AtomicBoolean full = new AtomicBoolean(true);
    LocalFileBlobStorage disk = new LocalFileBlobStorage(root, temp -> full.get()
        ? FileChannel.open(Path.of("/dev/full"), StandardOpenOption.WRITE)
        : LocalFileBlobStorage.WriteChannels.FILES.open(temp));
    StorageKey key = newKey();

    assertThatThrownBy(() -> disk.write(key, source(randomBytes(200_000, 13)), OptionalLong.empty()))
        .isInstanceOf(StorageFull.class)
        .hasMessageNotContaining(root.toString());
    assertThat(allFiles()).isEmpty();

    full.set(false);
    assertThat(disk.write(key, source(randomBytes(200_000, 13)), OptionalLong.empty())).isEqualTo(200_000);
    assertThat(readAll(key, Optional.empty())).isEqualTo(randomBytes(200_000, 13));
  }

  @Test
  void noSpaceIsRecognisedOnlyFromTheOperatingSystemsMessages() {
    assertThat(NoSpace.causes(new IOException("No space left on device"))).isTrue();
    assertThat(NoSpace.causes(new FileSystemException("/x", null, "Disk quota exceeded"))).isTrue();
    assertThat(NoSpace.causes(new UncheckedIOException(new IOException("No space left on device")))).isTrue();
    assertThat(NoSpace.causes(new IOException("Input/output error"))).isFalse();
    assertThat(NoSpace.causes(new IOException((String) null))).isFalse();
    assertThat(NoSpace.causes(new IllegalStateException("No space left on device"))).isFalse();
  }

  @Test
  void freeBytesReportsTheFileStoresUsableSpace() throws IOException {
    long expected = Files.getFileStore(root).getUsableSpace();

    long reported = storage.freeBytes().orElseThrow();

    // Other processes write to the same disk meanwhile; the order of magnitude must agree.
    assertThat(reported).isPositive().isCloseTo(expected, org.assertj.core.data.Percentage.withPercentage(5));
  }

  @Test
  void sweepIgnoresFilesThatAreNotKeys() throws IOException {
    Files.writeString(root.resolve("README"), "not a blob");
    Path shard = Files.createDirectories(root.resolve("ab/cd"));
    Files.writeString(shard.resolve("not-a-uuid"), "not a blob");

    assertThat(keysOlderThan(Instant.now().plus(Duration.ofHours(1)))).isEmpty();
  }

  @Test
  void deleteRemovesEmptyShardDirectoriesButKeepsRoot() {
    StorageKey key = newKey();
    storage.write(key, source(randomBytes(10, 9)), OptionalLong.empty());

    storage.delete(key);

    assertThat(root).isEmptyDirectory();
  }

  @Test
  void deleteKeepsShardDirectoriesStillInUse() throws IOException {
    StorageKey kept = newKey();
    StorageKey sibling = new StorageKey(kept.value().substring(0, 6) + UUID.randomUUID());
    storage.write(kept, source(randomBytes(10, 10)), OptionalLong.empty());
    storage.write(sibling, source(randomBytes(10, 11)), OptionalLong.empty());

    storage.delete(sibling);

    assertThat(readAll(kept, Optional.empty())).hasSize(10);
  }

  @Test
  void aShardRemovedAndRecreatedIsSyncedAgainBeforeItCountsAsDurable() throws IOException {
    StorageKey first = new StorageKey("ab/cd/" + UUID.randomUUID());
    StorageKey second = new StorageKey("ab/cd/" + UUID.randomUUID());
    DurableDirectories durable = storage.durableDirectories();

    storage.write(first, source(randomBytes(10, 14)), OptionalLong.empty());
    assertThat(durable.isKnown(root.resolve("ab/cd"))).isTrue();
    assertThat(durable.isKnown(root.resolve("ab"))).isTrue();

    storage.delete(first);
    assertThat(root.resolve("ab")).doesNotExist();
    assertThat(durable.isKnown(root.resolve("ab/cd"))).isFalse();
    assertThat(durable.isKnown(root.resolve("ab"))).isFalse();

    storage.write(second, source(randomBytes(10, 15)), OptionalLong.empty());
    assertThat(durable.isKnown(root.resolve("ab/cd"))).isTrue();
    assertThat(readAll(second, Optional.empty())).isEqualTo(randomBytes(10, 15));
  }

  @Test
  void uploadsAndDeletesRacingOnOneShardLoseNoAcknowledgedBlob() throws Exception {
    // Every writer deletes most of what it wrote at once, so the shards (ab/cd, and ab with it)
    // keep emptying and being removed while the other writers create files in them.
    int writers = 6;
    int rounds = 150;
    List<StorageKey> kept = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    List<String> failures = AllAtOnce.run(writers, writer -> {
      for (int i = 0; i < rounds; i++) {
        StorageKey key = new StorageKey((i % 3 == 0 ? "ab/ce/" : "ab/cd/") + UUID.randomUUID());
        byte[] bytes = randomBytes(100 + i, writer * 1000 + i);
        storage.write(key, source(bytes), OptionalLong.empty());
        if (!java.util.Arrays.equals(readAll(key, Optional.empty()), bytes)) {
          throw new AssertionError("acknowledged blob unreadable: " + key.value());
        }
        if (i % 10 == 0) {
          kept.add(key);
        } else {
          storage.delete(key);
        }
      }
    });

    assertThat(failures).isEmpty();
    assertThat(kept).hasSize(writers * rounds / 10);
    for (StorageKey key : kept) {
      assertThat(readAll(key, Optional.empty())).isNotEmpty();
    }
    kept.forEach(storage::delete);
    assertThat(root).isEmptyDirectory();
    assertThat(storage.durableDirectories().isKnown(root.resolve("ab"))).isFalse();
    assertThat(storage.durableDirectories().isKnown(root.resolve("ab/cd"))).isFalse();
    assertThat(storage.durableDirectories().isKnown(root.resolve("ab/ce"))).isFalse();
  }

  @Test
  void aBlobOnDiskOpensWithoutWaitingAndAMissingOneIsLeftToRead() throws IOException {
    StorageKey key = newKey();
    assertThat(storage.readWithoutWaiting(key, Optional.empty(), false)).isEmpty();
    storage.write(key, new java.io.ByteArrayInputStream("0123456789".getBytes()), OptionalLong.empty());

    try (var opened = storage.readWithoutWaiting(key, Optional.of(new dev.satchel.domain.storage.ByteRange(3, 5)), false)
        .orElseThrow()) {
      assertThat(opened.stream().readAllBytes()).isEqualTo("345".getBytes());
      assertThat(opened.fileRegion()).isPresent();
    }
    assertThat(storage.readWithoutWaiting(key, Optional.empty(), true)).isEmpty(); // the decorator's to decrypt
  }

  @Test
  void rootIsCreatedWhenMissing() {
    Path missing = root.resolve("not/yet");

    assertThat(new LocalFileBlobStorage(missing).isReachable()).isTrue();
    assertThat(missing).isDirectory();
  }

  @Test
  void rootThatIsAFileIsUnreachable() throws IOException {
    Path file = Files.writeString(root.resolve("file"), "x");

    assertThat(new LocalFileBlobStorage(file).isReachable()).isFalse();
  }

  private List<Path> allFiles() {
    try (Stream<Path> paths = Files.walk(root)) {
      return paths.filter(Files::isRegularFile).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void readNamesTheFileRegionSoItCanBeSentWithoutCopying() throws IOException {
    StorageKey key = newKey();
    byte[] bytes = randomBytes(5000, 11);
    storage.write(key, source(bytes), OptionalLong.empty());

    try (var content = storage.read(key, Optional.of(new dev.satchel.domain.storage.ByteRange(100, 199)))) {
      var region = content.fileRegion().orElseThrow();
      assertThat(region.offset()).isEqualTo(100);
      assertThat(region.length()).isEqualTo(100);
      byte[] viaRegion = java.util.Arrays.copyOfRange(Files.readAllBytes(region.path()), 100, 200);
      assertThat(viaRegion).isEqualTo(java.util.Arrays.copyOfRange(bytes, 100, 200));
    }
  }

  @Test
  void aMissingBlobIsReportedAsMissingNotAsAFailure() {
    assertThatThrownBy(() -> storage.read(newKey(), Optional.empty()))
        .isInstanceOfSatisfying(StorageUnavailable.class, e -> assertThat(e.blobMissing()).isTrue());
  }

  @Test
  void aKeyThatIsNotARegularFileFailsWithoutBeingMissing() throws IOException {
    StorageKey key = newKey();
    Files.createDirectories(storage.pathOf(key));
    assertThatThrownBy(() -> storage.read(key, Optional.empty()))
        .isInstanceOfSatisfying(StorageUnavailable.class, e -> assertThat(e.blobMissing()).isFalse());
  }

  @Test
  void aRegionCanBeClosedUnreadOrReadThroughItsStream() throws IOException {
    StorageKey key = newKey();
    byte[] bytes = randomBytes(300, 12);
    storage.write(key, source(bytes), OptionalLong.empty());
    var unread = storage.read(key, Optional.empty());
    unread.close(); // the sendfile path: nothing was opened, nothing to leak

    try (var content = storage.read(key, Optional.of(new dev.satchel.domain.storage.ByteRange(10, 19)))) {
      assertThat(content.stream().readAllBytes()).isEqualTo(java.util.Arrays.copyOfRange(bytes, 10, 20));
    }
  }
}
