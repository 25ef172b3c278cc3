package dev.satchel.adapters.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.satchel.domain.error.StorageUnavailable;
import dev.satchel.domain.storage.BlobContent;
import dev.satchel.domain.storage.BlobStorage;
import dev.satchel.domain.storage.ByteRange;
import dev.satchel.domain.storage.StorageKey;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link BlobStorage} adapter must show; one subclass per adapter. */
public abstract class BlobStorageContractTest {
  private static final int MIB = 1024 * 1024;

  protected abstract BlobStorage storage();

  /** Adapter-specific check that a failed write left nothing behind; none by default. */
  protected void assertNoPartialWrites() {}

  @Test
  void writesBlobOfKnownLength() throws IOException {
    byte[] bytes = randomBytes(100_000, 1);
    StorageKey key = newKey();

    long written = storage().write(key, source(bytes), OptionalLong.of(bytes.length));

    assertThat(written).isEqualTo(bytes.length);
    assertThat(readAll(key, Optional.empty())).isEqualTo(bytes);
  }

  @Test
  void writesBlobOfUnknownLength() throws IOException {
    byte[] bytes = randomBytes(100_000, 2);
    StorageKey key = newKey();

    long written = storage().write(key, source(bytes), OptionalLong.empty());

    assertThat(written).isEqualTo(bytes.length);
    assertThat(readAll(key, Optional.empty())).isEqualTo(bytes);
  }

  @Test
  void writesEmptyBlob() throws IOException {
    StorageKey known = newKey();
    StorageKey unknown = newKey();

    assertThat(storage().write(known, source(new byte[0]), OptionalLong.of(0))).isZero();
    assertThat(storage().write(unknown, source(new byte[0]), OptionalLong.empty())).isZero();

    try (BlobContent content = storage().read(known, Optional.empty())) {
      assertThat(content.length()).isZero();
      assertThat(content.stream().readAllBytes()).isEmpty();
    }
    assertThat(readAll(unknown, Optional.empty())).isEmpty();
  }

  @Test
  void largeBlobOfUnknownLengthRoundTrips() throws Exception {
    int size = 20 * MIB; // spans several S3 parts, the last one short
    StorageKey key = newKey();

    long written = storage().write(key, source(randomBytes(size, 3)), OptionalLong.empty());

    assertThat(written).isEqualTo(size);
    try (BlobContent content = storage().read(key, Optional.empty())) {
      assertThat(content.length()).isEqualTo(size);
      assertThat(sha256(content.stream())).isEqualTo(sha256(new ByteArrayInputStream(randomBytes(size, 3))));
    }
  }

  @Test
  void largeBlobOfKnownLengthRoundTrips() throws Exception {
    int size = 20 * MIB + 7; // above the S3 multipart threshold: parts sent in parallel
    StorageKey key = newKey();

    long written = storage().write(key, source(randomBytes(size, 4)), OptionalLong.of(size));

    assertThat(written).isEqualTo(size);
    try (BlobContent content = storage().read(key, Optional.empty())) {
      assertThat(content.length()).isEqualTo(size);
      assertThat(sha256(content.stream())).isEqualTo(sha256(new ByteArrayInputStream(randomBytes(size, 4))));
    }
  }

  @Test
  void blobOfWholePartsRoundTrips() throws Exception {
    int size = 16 * MIB; // exactly two 8 MiB S3 parts: the read after the last one meets the end
    StorageKey key = newKey();

    long written = storage().write(key, source(randomBytes(size, 5)), OptionalLong.empty());

    assertThat(written).isEqualTo(size);
    try (BlobContent content = storage().read(key, Optional.empty())) {
      assertThat(sha256(content.stream())).isEqualTo(sha256(new ByteArrayInputStream(randomBytes(size, 5))));
    }
  }

  @Test
  void sourceShorterThanItsLargeDeclaredLengthFailsAndLeavesNoBlob() {
    assertMismatchedLengthLeavesNoBlob(17 * MIB, 18L * MIB);
  }

  @Test
  void readsRanges() throws IOException {
    byte[] bytes = randomBytes(10_000, 4);
    StorageKey key = newKey();
    storage().write(key, source(bytes), OptionalLong.of(bytes.length));

    assertThat(readAll(key, Optional.of(new ByteRange(0, 0)))).containsExactly(bytes[0]);
    assertThat(readAll(key, Optional.of(new ByteRange(1000, 1999))))
        .isEqualTo(Arrays.copyOfRange(bytes, 1000, 2000));
    assertThat(readAll(key, Optional.of(new ByteRange(9999, 9999)))).containsExactly(bytes[9999]);
  }

  @Test
  void rangeReadReportsRangeLength() throws IOException {
    byte[] bytes = randomBytes(10_000, 5);
    StorageKey key = newKey();
    storage().write(key, source(bytes), OptionalLong.of(bytes.length));

    try (BlobContent content = storage().read(key, Optional.of(new ByteRange(10, 19)))) {
      assertThat(content.length()).isEqualTo(10);
      assertThat(content.stream().readAllBytes()).hasSize(10);
    }
  }

  @Test
  void deletedBlobCannotBeRead() {
    StorageKey key = newKey();
    storage().write(key, source(randomBytes(100, 6)), OptionalLong.of(100));

    storage().delete(key);

    assertThatThrownBy(() -> storage().read(key, Optional.empty())).isInstanceOf(StorageUnavailable.class);
  }

  @Test
  void deletingMissingBlobIsFine() {
    storage().delete(newKey());
  }

  @Test
  void listsKeysWrittenBeforeCutoffOnly() {
    StorageKey key = newKey();
    storage().write(key, source(randomBytes(100, 7)), OptionalLong.of(100));

    assertThat(keysOlderThan(Instant.now().plus(Duration.ofHours(1)))).contains(key);
    assertThat(keysOlderThan(Instant.now().minus(Duration.ofHours(1)))).doesNotContain(key);
  }

  @Test
  void failingSourceOfKnownLengthLeavesNoBlob() {
    assertFailingSourceLeavesNoBlob(100 * 1024, OptionalLong.of(200 * 1024));
  }

  @Test
  void failingSourceOfUnknownLengthLeavesNoBlob() {
    assertFailingSourceLeavesNoBlob(100 * 1024, OptionalLong.empty());
  }

  @Test
  void failingSourceAfterSeveralPartsLeavesNoBlob() {
    assertFailingSourceLeavesNoBlob(17 * MIB, OptionalLong.empty());
  }

  @Test
  void sourceLongerThanDeclaredFailsAndLeavesNoBlob() {
    assertMismatchedLengthLeavesNoBlob(1000, 999);
  }

  @Test
  void sourceShorterThanDeclaredFailsAndLeavesNoBlob() {
    assertMismatchedLengthLeavesNoBlob(999, 1000);
  }

  @Test
  void isReachable() {
    assertThat(storage().isReachable()).isTrue();
  }

  private void assertFailingSourceLeavesNoBlob(int failAfter, OptionalLong knownLength) {
    StorageKey key = newKey();
    IOException cause = new IOException("client went away");

    assertThatThrownBy(() -> storage().write(key, DisconnectingBody.after(failAfter, cause), knownLength))
        .isInstanceOf(UncheckedIOException.class)
        .hasCause(cause);

    // Checked first: a sweep with a future cutoff would itself remove leftovers.
    assertNoPartialWrites();
    assertThat(keysOlderThan(Instant.now().plus(Duration.ofHours(1)))).doesNotContain(key);
    assertThatThrownBy(() -> storage().read(key, Optional.empty())).isInstanceOf(StorageUnavailable.class);
  }

  private void assertMismatchedLengthLeavesNoBlob(int actual, long declared) {
    StorageKey key = newKey();

    assertThatThrownBy(() -> storage().write(key, source(randomBytes(actual, 12)), OptionalLong.of(declared)))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("declared");

    assertNoPartialWrites();
    assertThatThrownBy(() -> storage().read(key, Optional.empty())).isInstanceOf(StorageUnavailable.class);
  }

  protected List<StorageKey> keysOlderThan(Instant cutoff) {
    List<StorageKey> keys = new ArrayList<>();
    storage().forEachKeyOlderThan(cutoff, keys::add);
    return keys;
  }

  protected byte[] readAll(StorageKey key, Optional<ByteRange> range) throws IOException {
    try (BlobContent content = storage().read(key, range)) {
      byte[] bytes = content.stream().readAllBytes();
      assertThat(bytes).hasSize((int) content.length());
      return bytes;
    }
  }

  protected static StorageKey newKey() {
    return StorageKey.forBlob(UUID.randomUUID());
  }

  protected static byte[] randomBytes(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  /** Like an HTTP request body: read once, without mark/reset, so an adapter cannot rewind it. */
  protected static InputStream source(byte[] bytes) {
    return new FilterInputStream(new ByteArrayInputStream(bytes)) {
      @Override
      public boolean markSupported() {
        return false;
      }
    };
  }


  private static byte[] sha256(InputStream stream) throws IOException, NoSuchAlgorithmException {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    try (DigestInputStream in = new DigestInputStream(stream, digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return digest.digest();
  }
}
