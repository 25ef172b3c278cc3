package dev.satchel.adapters.storage.crypto;

import com.google.crypto.tink.subtle.AesGcmHkdfStreaming;
import dev.satchel.adapters.storage.RangeInputStream;
import dev.satchel.domain.error.EncryptionKeyUnavailable;
import dev.satchel.domain.storage.BlobContent;
import dev.satchel.domain.storage.BlobStorage;
import dev.satchel.domain.storage.ByteRange;
import dev.satchel.domain.storage.StorageKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Decorates any {@link BlobStorage} with encryption at rest: each new blob is encrypted with its
 * own random data key by Tink's streaming AEAD (AES-256-GCM-HKDF, 64 KiB segments), and the data
 * key, wrapped by the active key-encryption key, goes to the {@link DataKeyStore}. Reads decrypt
 * only the segments a range touches, through Tink's seekable decryption, in bounded memory; blobs
 * without a data key (stored before encryption was on) pass through untouched, sendfile included.
 * The storage key is the associated data of both the blob and its wrapped key, so neither can be
 * moved to another blob. A tampered blob fails with an {@link IOException} while read, never with
 * wrong bytes; a data key no configured key opens fails with {@link EncryptionKeyUnavailable}.
 */
public final class EncryptingBlobStorage implements BlobStorage {
  /**
   * 64 KiB ciphertext segments: a Range costs at most two extra segments of reading and decrypting
   * (about 128 KiB), and each open download holds one segment of buffers, against 16 bytes of tag
   * per segment (0.02%). 1 MiB segments would cost 1 MiB per open download; 4 KiB ones a GCM call
   * and tag every 4 KiB. Part of the stored format: changing it needs a format version.
   */
  static final int SEGMENT_BYTES = 64 * 1024;
  private static final int DATA_KEY_BYTES = 32;
  private static final String HKDF = "HmacSha256";

  private final BlobStorage delegate;
  private final KeyRing keys;
  private final DataKeyStore dataKeys;
  private final SecureRandom random = new SecureRandom();

  public EncryptingBlobStorage(BlobStorage delegate, KeyRing keys, DataKeyStore dataKeys) {
    this.delegate = delegate;
    this.keys = keys;
    this.dataKeys = dataKeys;
  }

  @Override
  public long write(StorageKey key, InputStream content, OptionalLong knownLength) {
    if (!keys.hasActive()) {
      return delegate.write(key, content, knownLength);
    }
    byte[] dataKey = new byte[DATA_KEY_BYTES];
    random.nextBytes(dataKey);
    byte[] associatedData = associatedData(key);
    AesGcmHkdfStreaming aead = streaming(dataKey);
    byte[] wrapped = DataKeyWrapping.wrap(keys.active(), dataKey, associatedData);
    EncryptingInputStream ciphertext = new EncryptingInputStream(content, aead, associatedData);
    OptionalLong storedLength = knownLength.isPresent()
        ? OptionalLong.of(aead.expectedCiphertextSize(knownLength.getAsLong()))
        : OptionalLong.empty();
    long stored = delegate.write(key, ciphertext, storedLength);
    try {
      dataKeys.save(new WrappedDataKey(key, keys.activeId(), wrapped, stored));
    } catch (RuntimeException e) {
      // A blob whose data key is lost is garbage: keep the write all-or-nothing.
      try {
        delegate.delete(key);
      } catch (RuntimeException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
    return ciphertext.plaintextBytes();
  }

  @Override
  public BlobContent read(StorageKey key, Optional<ByteRange> range) {
    Optional<WrappedDataKey> found = dataKeys.find(key);
    return found.isEmpty() ? delegate.read(key, range) : decrypt(key, range, found.get());
  }

  // The row's flag spares plain blobs the data-key lookup (and so the database), and an encrypted
  // blob whose data key row is gone is refused instead of served as ciphertext.
  @Override
  public BlobContent read(StorageKey key, Optional<ByteRange> range, boolean storedEncrypted) {
    if (!storedEncrypted) {
      return delegate.read(key, range);
    }
    return decrypt(key, range, dataKeys.find(key).orElseThrow(EncryptionKeyUnavailable::new));
  }

  // An encrypted blob needs its data key, which is in the database: never without waiting.
  @Override
  public Optional<BlobContent> readWithoutWaiting(StorageKey key, Optional<ByteRange> range, boolean storedEncrypted) {
    return storedEncrypted ? Optional.empty() : delegate.readWithoutWaiting(key, range, false);
  }

  private BlobContent decrypt(StorageKey key, Optional<ByteRange> range, WrappedDataKey wrapped) {
    byte[] associatedData = associatedData(key);
    byte[] dataKey = DataKeyWrapping.unwrap(
        keys.kek(wrapped.keyId()).orElseThrow(EncryptionKeyUnavailable::new), wrapped.wrapped(), associatedData);
    AesGcmHkdfStreaming aead = streaming(dataKey);
    long size = wrapped.ciphertextLength();
    StoredBlobChannel stored = new StoredBlobChannel(delegate, key, size, aead.getHeaderLength());
    try {
      SeekableByteChannel plaintext = aead.newSeekableDecryptingChannel(stored, associatedData);
      long plaintextSize = plaintext.size();
      if (plaintextSize == 0 && range.isEmpty()) {
        stored.openAtStart(); // a missing blob fails here, as with a plain store
        plaintext.close();
        return new BlobContent(InputStream.nullInputStream(), 0);
      }
      ByteRange wanted = range.orElse(new ByteRange(0, plaintextSize - 1));
      long css = aead.getCiphertextSegmentSize();
      long windowEnd = Math.min(size, (segment(aead, wanted.last()) + 1) * css) - 1;
      stored.window(segment(aead, wanted.first()) * css, windowEnd);
      stored.openAtStart(); // a missing blob fails here, as with a plain store, not mid-response
      plaintext.position(wanted.first());
      return new BlobContent(new RangeInputStream(Channels.newInputStream(plaintext), wanted.length()), wanted.length());
    } catch (GeneralSecurityException | IOException | RuntimeException e) {
      closeQuietly(stored, e);
      if (e instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new UncheckedIOException(new IOException("cannot decrypt the stored blob", e));
    }
  }

  @Override
  public void delete(StorageKey key) {
    delegate.delete(key);
    dataKeys.delete(key);
  }

  @Override
  public void forEachKeyOlderThan(Instant cutoff, Consumer<StorageKey> visitor) {
    delegate.forEachKeyOlderThan(cutoff, visitor);
  }

  @Override
  public boolean isReachable() {
    return delegate.isReachable();
  }

  @Override
  public int removeAbandonedWrites(Instant untouchedSince) {
    return delegate.removeAbandonedWrites(untouchedSince);
  }

  @Override
  public boolean encryptsNewBlobs() {
    return keys.hasActive();
  }

  @Override
  public OptionalLong freeBytes() {
    return delegate.freeBytes();
  }

  private static long segment(AesGcmHkdfStreaming aead, long plaintextOffset) {
    return (plaintextOffset + aead.getFirstSegmentOffset()) / aead.getPlaintextSegmentSize();
  }

  static AesGcmHkdfStreaming streaming(byte[] dataKey) {
    try {
      return new AesGcmHkdfStreaming(dataKey, HKDF, DATA_KEY_BYTES, SEGMENT_BYTES, 0);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM-HKDF streaming is not available in this JVM", e);
    }
  }

  private static byte[] associatedData(StorageKey key) {
    return key.value().getBytes(StandardCharsets.UTF_8);
  }

  private static void closeQuietly(StoredBlobChannel channel, Exception failure) {
    try {
      channel.close();
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }
}
