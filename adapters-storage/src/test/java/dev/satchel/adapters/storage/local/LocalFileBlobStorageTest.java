package dev.satchel.adapters.storage.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.satchel.adapters.storage.BlobStorageContractTest;
import dev.satchel.domain.storage.BlobStorage;
import dev.satchel.domain.storage.StorageKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
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
  void sweepRemovesStaleTempFilesButNotLiveOnes() throws IOException {
    Path shard = Files.createDirectories(root.resolve("ab/cd"));
    Path stale = Files.createFile(shard.resolve(".tmp-crashed"));
    Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
    Path live = Files.createFile(shard.resolve(".tmp-uploading"));

    List<StorageKey> keys = keysOlderThan(Instant.now().minus(Duration.ofDays(1)));

    assertThat(keys).isEmpty();
    assertThat(stale).doesNotExist();
    assertThat(live).exists();
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
}
