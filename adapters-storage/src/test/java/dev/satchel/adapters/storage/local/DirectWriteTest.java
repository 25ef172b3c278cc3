package dev.satchel.adapters.storage.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.satchel.adapters.storage.AllAtOnce;
import dev.satchel.adapters.storage.DisconnectingBody;
import dev.satchel.domain.error.StorageFull;
import dev.satchel.domain.storage.BlobContent;
import dev.satchel.domain.storage.StorageKey;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The bulk of a large blob goes to disk through direct I/O on a second thread; these pin that path down. */
class DirectWriteTest {
  private static final int MIB = 1024 * 1024;

  @TempDir Path root;

  private final AtomicInteger directOpens = new AtomicInteger();

  /** The real channels, counting how often direct I/O was granted. */
  private LocalFileBlobStorage countingStorage() {
    return new LocalFileBlobStorage(root, new LocalFileBlobStorage.WriteChannels() {
      @Override
      public FileChannel open(Path temp) throws IOException {
        return FILES.open(temp);
      }

      @Override
      public Optional<FileChannel> openDirect(Path temp) throws IOException {
        Optional<FileChannel> direct = FILES.openDirect(temp);
        direct.ifPresent(channel -> directOpens.incrementAndGet());
        return direct;
      }
    });
  }

  @ParameterizedTest
  @ValueSource(ints = {MIB - 1, MIB, MIB + 1, MIB + 4096, 4 * MIB, 4 * MIB + 4095, 9 * MIB + 12_345})
  void blobsAroundTheSwitchToDirectIoKeepEveryByte(int size) throws IOException {
    LocalFileBlobStorage storage = countingStorage();
    byte[] bytes = randomBytes(size, size);
    StorageKey key = newKey();

    assertThat(storage.write(key, source(bytes), OptionalLong.empty())).isEqualTo(size);

    assertThat(read(storage, key)).isEqualTo(bytes);
    assertThat(tempFiles()).isEmpty();
  }

  @Test
  void theBulkOfALargeBlobIsWrittenDirectWhereTheFileSystemAllowsIt() throws IOException {
    LocalFileBlobStorage storage = countingStorage();
    Path probe = Files.createFile(root.resolve("probe"));
    assumeTrue(DirectIo.open(probe).map(DirectWriteTest::close).isPresent(), "this file system refuses direct I/O");
    Files.delete(probe);

    storage.write(newKey(), source(randomBytes(3 * MIB, 1)), OptionalLong.empty());
    storage.write(newKey(), source(randomBytes(MIB / 2, 2)), OptionalLong.empty());

    assertThat(directOpens).hasValue(1); // the small blob stays on the plain path
  }

  @Test
  void whereDirectIoIsRefusedTheBlobIsWrittenThroughThePageCache() throws IOException {
    LocalFileBlobStorage storage = new LocalFileBlobStorage(root, new LocalFileBlobStorage.WriteChannels() {
      @Override
      public FileChannel open(Path temp) throws IOException {
        return FILES.open(temp);
      }

      @Override
      public Optional<FileChannel> openDirect(Path temp) {
        return Optional.empty();
      }
    });
    byte[] bytes = randomBytes(5 * MIB + 3, 3);
    StorageKey key = newKey();

    assertThat(storage.write(key, source(bytes), OptionalLong.empty())).isEqualTo(bytes.length);

    assertThat(read(storage, key)).isEqualTo(bytes);
  }

  @Test
  void aDiskThatFillsDuringTheDirectWritesFailsAsFullAndLeavesNothing() {
    // The writer thread meets the real ENOSPC of /dev/full after the first MiB went through the plain channel.
    LocalFileBlobStorage storage = new LocalFileBlobStorage(root, new LocalFileBlobStorage.WriteChannels() {
      @Override
      public FileChannel open(Path temp) throws IOException {
        return FILES.open(temp);
      }

      @Override
      public Optional<FileChannel> openDirect(Path temp) throws IOException {
        return Optional.of(FileChannel.open(Path.of("/dev/full"), StandardOpenOption.WRITE));
      }
    });

    assertThatThrownBy(() -> storage.write(newKey(), source(randomBytes(6 * MIB, 4)), OptionalLong.empty()))
        .isInstanceOf(StorageFull.class);
    assertThat(allFiles()).isEmpty();
  }

  @Test
  void aClientThatDropsDuringTheDirectWritesLeavesNothing() {
    LocalFileBlobStorage storage = countingStorage();
    IOException dropped = new IOException("connection reset");

    assertThatThrownBy(() -> storage.write(newKey(), DisconnectingBody.after(5 * MIB + 17, dropped), OptionalLong.empty()))
        .hasRootCause(dropped);
    assertThat(allFiles()).isEmpty();
  }

  @Test
  void largeBlobsWrittenAtOnceEachKeepTheirOwnBytes() throws Exception {
    LocalFileBlobStorage storage = countingStorage();
    List<String> failures = AllAtOnce.run(6, seed -> {
      for (int round = 0; round < 3; round++) {
        byte[] bytes = randomBytes(2 * MIB + 4096 * seed + round, seed * 10 + round);
        StorageKey key = newKey();
        storage.write(key, source(bytes), OptionalLong.empty());
        if (!java.util.Arrays.equals(read(storage, key), bytes)) {
          throw new AssertionError("blob " + key.value() + " differs from what was written");
        }
      }
    });

    assertThat(failures).isEmpty();
    assertThat(tempFiles()).isEmpty();
  }

  private static Boolean close(FileChannel channel) {
    try {
      channel.close();
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] read(LocalFileBlobStorage storage, StorageKey key) throws IOException {
    try (BlobContent content = storage.read(key, Optional.empty())) {
      return content.stream().readAllBytes();
    }
  }

  private List<Path> allFiles() {
    try (Stream<Path> paths = Files.walk(root)) {
      return paths.filter(Files::isRegularFile).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<Path> tempFiles() {
    return allFiles().stream().filter(f -> f.getFileName().toString().startsWith(AtomicFileWriter.TEMP_PREFIX)).toList();
  }

  private static StorageKey newKey() {
    return StorageKey.forBlob(UUID.randomUUID());
  }

  private static byte[] randomBytes(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  /** Like an HTTP request body: read once, in pieces of whatever size the network delivers. */
  private static InputStream source(byte[] bytes) {
    return new FilterInputStream(new ByteArrayInputStream(bytes)) {
      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        return super.read(buffer, offset, Math.min(length, 10_000));
      }

      @Override
      public boolean markSupported() {
        return false;
      }
    };
  }
}
