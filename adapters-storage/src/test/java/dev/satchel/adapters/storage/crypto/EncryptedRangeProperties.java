package dev.satchel.adapters.storage.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.satchel.adapters.storage.local.LocalFileBlobStorage;
import dev.satchel.domain.storage.BlobContent;
import dev.satchel.domain.storage.ByteRange;
import dev.satchel.domain.storage.StorageKey;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.constraints.IntRange;

/** Any content size, any range: decrypting the range gives exactly that slice of the plaintext. */
class EncryptedRangeProperties {
  private static final Path ROOT = tempDir();
  private static final EncryptingBlobStorage STORAGE = new EncryptingBlobStorage(
      new LocalFileBlobStorage(ROOT),
      KeyRing.parse("k:" + EncryptingBlobStorageContractTest.key(9), "k"),
      new InMemoryDataKeyStore());

  @Property(tries = 60)
  void anyRangeDecryptsToItsSlice(
      @ForAll @IntRange(min = 1, max = 300_000) int size,
      @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int a,
      @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int b,
      @ForAll long seed) throws IOException {
    byte[] content = new byte[size];
    new Random(seed).nextBytes(content);
    StorageKey key = StorageKey.forBlob(UUID.randomUUID());
    STORAGE.write(key, new ByteArrayInputStream(content), seed % 2 == 0 ? OptionalLong.of(size) : OptionalLong.empty());
    int first = Math.min(a % size, b % size);
    int last = Math.max(a % size, b % size);

    try (BlobContent whole = STORAGE.read(key, Optional.empty());
        BlobContent slice = STORAGE.read(key, Optional.of(new ByteRange(first, last)))) {
      assertThat(whole.length()).isEqualTo(size);
      assertThat(whole.stream().readAllBytes()).isEqualTo(content);
      assertThat(slice.length()).isEqualTo(last - first + 1L);
      assertThat(slice.stream().readAllBytes()).isEqualTo(Arrays.copyOfRange(content, first, last + 1));
    }
    STORAGE.delete(key);
  }

  @AfterContainer
  static void removeRoot() throws IOException {
    try (var files = Files.walk(ROOT)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("satchel-encrypted-props");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
