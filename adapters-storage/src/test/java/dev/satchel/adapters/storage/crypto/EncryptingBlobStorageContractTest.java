package dev.satchel.adapters.storage.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.satchel.adapters.storage.BlobStorageContractTest;
import dev.satchel.domain.error.EncryptionKeyUnavailable;
import dev.satchel.domain.storage.BlobContent;
import dev.satchel.domain.storage.BlobStorage;
import dev.satchel.domain.storage.ByteRange;
import dev.satchel.domain.storage.StorageKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole {@link BlobStorageContractTest} through {@link EncryptingBlobStorage}, plus what
 * encryption must add: no plaintext at rest, every Range shape across segment boundaries, and clean
 * failures for tampered blobs and wrong keys. One subclass per underlying store.
 */
public abstract class EncryptingBlobStorageContractTest extends BlobStorageContractTest {
  /** Plaintext bytes in the first segment (the stream header takes the rest). */
  static final int FIRST_SEGMENT = EncryptingBlobStorage.streaming(new byte[32]).getPlaintextSegmentSize()
      - EncryptingBlobStorage.streaming(new byte[32]).getFirstSegmentOffset();
  static final int SEGMENT = EncryptingBlobStorage.streaming(new byte[32]).getPlaintextSegmentSize();
  private static final byte[] MARKER = "SATCHEL-PLAINTEXT-MARKER-7f3a".getBytes(StandardCharsets.US_ASCII);

  protected final InMemoryDataKeyStore dataKeys = new InMemoryDataKeyStore();
  protected final KeyRing ring = KeyRing.parse("old:" + key(1) + ",current:" + key(2), "current");
  private EncryptingBlobStorage encrypting;

  /** The store under the decorator, to look at and tamper with what is really stored. */
  protected abstract BlobStorage plain();

  @BeforeEach
  void decorate() {
    encrypting = new EncryptingBlobStorage(plain(), ring, dataKeys);
  }

  @Override
  protected BlobStorage storage() {
    return encrypting;
  }

  static String key(int seed) {
    byte[] bytes = new byte[32];
    new Random(seed).nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }

  @Test
  void storedBytesContainNoPlaintext() throws IOException {
    byte[] content = new byte[3 * SEGMENT];
    for (int i = 0; i + MARKER.length <= content.length; i += MARKER.length) {
      System.arraycopy(MARKER, 0, content, i, MARKER.length);
    }
    StorageKey key = newKey();
    storage().write(key, source(content), OptionalLong.of(content.length));

    byte[] stored = rawBytes(key);
    assertThat(indexOf(stored, MARKER)).isEqualTo(-1);
    assertThat(indexOf(content, MARKER)).isZero(); // the search itself finds the marker
    assertThat(readAll(key, Optional.empty())).isEqualTo(content);
    assertThat(dataKeys.find(key)).get().extracting(WrappedDataKey::keyId).isEqualTo("current");
  }

  @Test
  void everyRangeShapeAcrossSegmentBoundaries() throws IOException {
    int size = FIRST_SEGMENT + 2 * SEGMENT + 1234; // four segments, the last one short
    byte[] content = randomBytes(size, 40);
    StorageKey key = newKey();
    storage().write(key, source(content), OptionalLong.empty());
    int b1 = FIRST_SEGMENT;
    int b2 = FIRST_SEGMENT + SEGMENT;
    long[][] ranges = {
        {0, 0}, // first byte
        {size - 1, size - 1}, // last byte
        {0, size - 1}, // whole, as a range
        {b1 - 1, b1}, // the two bytes around the first boundary
        {b1 - 10, b2 + 10}, // spans three segments
        {b1, b2 - 1}, // exactly the second segment
        {b2 - 1, size - 1}, // suffix range across the last boundaries
        {size - 500, size - 1}, // suffix range inside the last segment
        {5, b1 - 1}, // ends exactly at the first boundary
        {b2 + 100, b2 + 100},
    };
    for (long[] r : ranges) {
      assertThat(readAll(key, Optional.of(new ByteRange(r[0], r[1]))))
          .as("range %d-%d", r[0], r[1])
          .isEqualTo(Arrays.copyOfRange(content, (int) r[0], (int) r[1] + 1));
    }
  }

  @Test
  void blobsStoredBeforeEncryptionStayReadable() throws IOException {
    byte[] content = randomBytes(10_000, 41);
    StorageKey key = newKey();
    plain().write(key, source(content), OptionalLong.of(content.length));

    assertThat(readAll(key, Optional.empty())).isEqualTo(content);
    assertThat(readAll(key, Optional.of(new ByteRange(100, 199)))).isEqualTo(Arrays.copyOfRange(content, 100, 200));
  }

  @Test
  void tamperedSegmentFailsInsteadOfYieldingBytes() throws IOException {
    byte[] content = randomBytes(2 * SEGMENT, 42);
    StorageKey key = newKey();
    storage().write(key, source(content), OptionalLong.empty());
    byte[] stored = rawBytes(key);
    stored[SEGMENT + 100] ^= 1; // inside the second segment
    replaceRaw(key, stored);

    assertThatThrownBy(() -> readAll(key, Optional.empty())).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> readAll(key, Optional.of(new ByteRange(SEGMENT, SEGMENT + 10))))
        .isInstanceOf(IOException.class);
    // The untouched first segment still decrypts: damage stays local to its segment.
    assertThat(readAll(key, Optional.of(new ByteRange(0, 99)))).isEqualTo(Arrays.copyOf(content, 100));
  }

  @Test
  void tamperedHeaderOrTruncatedBlobFails() throws IOException {
    byte[] content = randomBytes(1000, 43);
    StorageKey header = newKey();
    storage().write(header, source(content), OptionalLong.empty());
    byte[] stored = rawBytes(header);
    stored[5] ^= 1;
    replaceRaw(header, stored);
    StorageKey truncated = newKey();
    storage().write(truncated, source(content), OptionalLong.empty());
    byte[] whole = rawBytes(truncated);
    replaceRaw(truncated, Arrays.copyOf(whole, whole.length - 1));

    assertThatThrownBy(() -> readAll(header, Optional.empty())).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> readAll(truncated, Optional.empty())).isInstanceOf(IOException.class);
  }

  @Test
  void blobMovedToAnotherKeyFails() throws IOException {
    StorageKey original = newKey();
    storage().write(original, source(randomBytes(1000, 44)), OptionalLong.empty());
    StorageKey other = newKey();
    replaceRaw(other, rawBytes(original));
    WrappedDataKey wrapped = dataKeys.find(original).orElseThrow();
    dataKeys.save(new WrappedDataKey(other, wrapped.keyId(), wrapped.wrapped(), wrapped.ciphertextLength()));

    // The storage key is the associated data of the wrapping: the data key does not open elsewhere.
    assertThatThrownBy(() -> readAll(other, Optional.empty())).isInstanceOf(EncryptionKeyUnavailable.class);
  }

  @Test
  void theRowsFlagDecidesWhetherADataKeyIsNeeded() throws IOException {
    byte[] content = randomBytes(5_000, 47);
    StorageKey plainKey = newKey();
    plain().write(plainKey, source(content), OptionalLong.of(content.length));
    StorageKey encryptedKey = newKey();
    storage().write(encryptedKey, source(content), OptionalLong.of(content.length));

    assertThat(storage().read(plainKey, Optional.empty(), false).stream().readAllBytes()).isEqualTo(content);
    assertThat(storage().read(encryptedKey, Optional.of(new ByteRange(10, 19)), true).stream().readAllBytes())
        .isEqualTo(Arrays.copyOfRange(content, 10, 20));
    // Its data key row lost (a partial restore, say): refused, never served as ciphertext.
    dataKeys.delete(encryptedKey);
    assertThatThrownBy(() -> storage().read(encryptedKey, Optional.empty(), true))
        .isInstanceOf(EncryptionKeyUnavailable.class);
  }

  @Test
  void wrongOrMissingKeyFailsCleanly() {
    StorageKey key = newKey();
    storage().write(key, source(randomBytes(1000, 45)), OptionalLong.empty());
    BlobStorage wrongBytes = new EncryptingBlobStorage(plain(), KeyRing.parse("current:" + key(3), "current"), dataKeys);
    BlobStorage missing = new EncryptingBlobStorage(plain(), KeyRing.parse("old:" + key(1), "old"), dataKeys);
    BlobStorage turnedOff = new EncryptingBlobStorage(plain(), KeyRing.none(), dataKeys);

    assertThatThrownBy(() -> wrongBytes.read(key, Optional.empty()))
        .isInstanceOf(EncryptionKeyUnavailable.class)
        .hasNoCause()
        .hasMessageNotContaining("current");
    assertThatThrownBy(() -> missing.read(key, Optional.empty()))
        .isInstanceOf(EncryptionKeyUnavailable.class)
        .hasNoCause()
        .hasMessageNotContaining("current");
    // Encryption turned off later: never serve the ciphertext as if it were the file.
    assertThatThrownBy(() -> turnedOff.read(key, Optional.empty())).isInstanceOf(EncryptionKeyUnavailable.class);
  }

  @Test
  void withEncryptionTurnedOffNewBlobsAreStoredAsTheyAre() throws IOException {
    BlobStorage turnedOff = new EncryptingBlobStorage(plain(), KeyRing.none(), dataKeys);
    byte[] content = randomBytes(1000, 47);
    StorageKey key = newKey();

    turnedOff.write(key, source(content), OptionalLong.of(content.length));

    assertThat(turnedOff.encryptsNewBlobs()).isFalse();
    assertThat(storage().encryptsNewBlobs()).isTrue();
    assertThat(dataKeys.find(key)).isEmpty();
    assertThat(rawBytes(key)).isEqualTo(content);
  }

  @Test
  void rotationRewrapsDataKeysWithoutTouchingBlobs() throws IOException {
    KeyRing before = KeyRing.parse("old:" + key(1), "old");
    BlobStorage oldStorage = new EncryptingBlobStorage(plain(), before, dataKeys);
    byte[] content = randomBytes(5000, 48);
    StorageKey first = newKey();
    StorageKey second = newKey();
    oldStorage.write(first, source(content), OptionalLong.empty());
    oldStorage.write(second, source(content), OptionalLong.empty());
    byte[] storedBefore = rawBytes(first);

    DataKeyRotation.Result result = new DataKeyRotation(ring, dataKeys).rewrapAll(1);

    assertThat(result).isEqualTo(new DataKeyRotation.Result(2, 0));
    assertThat(dataKeys.find(first).orElseThrow().keyId()).isEqualTo("current");
    assertThat(rawBytes(first)).isEqualTo(storedBefore);
    // Readable with only the new key: the old one can be retired.
    BlobStorage afterRetiring = new EncryptingBlobStorage(plain(), KeyRing.parse("current:" + key(2), "current"), dataKeys);
    assertThat(afterRetiring.read(first, Optional.empty()).stream().readAllBytes()).isEqualTo(content);
    assertThat(new DataKeyRotation(ring, dataKeys).rewrapAll(10)).isEqualTo(new DataKeyRotation.Result(0, 0));
  }

  @Test
  void rotationLeavesKeysOfMissingKeksAlone() {
    BlobStorage lost = new EncryptingBlobStorage(plain(), KeyRing.parse("lost:" + key(4), "lost"), dataKeys);
    StorageKey key = newKey();
    lost.write(key, source(randomBytes(100, 49)), OptionalLong.empty());

    assertThat(new DataKeyRotation(ring, dataKeys).rewrapAll(10)).isEqualTo(new DataKeyRotation.Result(0, 1));
    assertThat(dataKeys.find(key).orElseThrow().keyId()).isEqualTo("lost");
  }

  @Test
  void deleteForgetsTheDataKey() {
    StorageKey key = newKey();
    storage().write(key, source(randomBytes(100, 46)), OptionalLong.of(100));

    storage().delete(key);

    assertThat(dataKeys.find(key)).isEmpty();
  }

  protected byte[] rawBytes(StorageKey key) throws IOException {
    try (BlobContent content = plain().read(key, Optional.empty())) {
      return content.stream().readAllBytes();
    }
  }

  private void replaceRaw(StorageKey key, byte[] bytes) {
    plain().write(key, source(bytes), OptionalLong.of(bytes.length));
  }

  static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
