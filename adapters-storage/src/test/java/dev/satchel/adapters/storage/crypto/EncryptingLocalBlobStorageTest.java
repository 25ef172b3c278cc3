package dev.satchel.adapters.storage.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.satchel.adapters.storage.local.LocalFileBlobStorage;
import dev.satchel.domain.storage.BlobContent;
import dev.satchel.domain.storage.BlobStorage;
import dev.satchel.domain.storage.StorageKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The encrypting decorator over local disk. */
class EncryptingLocalBlobStorageTest extends EncryptingBlobStorageContractTest {
  @TempDir Path root;

  private LocalFileBlobStorage local;

  @Override
  protected BlobStorage plain() {
    if (local == null) {
      local = new LocalFileBlobStorage(root);
    }
    return local;
  }

  @Override
  protected void assertNoPartialWrites() {
    try (Stream<Path> files = Files.walk(root)) {
      assertThat(files.filter(Files::isRegularFile).toList()).isEmpty();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void encryptedBlobsAreNotOfferedForSendfile() throws IOException {
    StorageKey key = newKey();
    storage().write(key, source(randomBytes(1000, 50)), OptionalLong.empty());

    // The file holds ciphertext: handing it to the kernel would send ciphertext to the client.
    try (BlobContent content = storage().read(key, Optional.empty())) {
      assertThat(content.fileRegion()).isEmpty();
    }
  }

  /** An encrypted blob needs its data key from the database: never opened on an event loop. */
  @Test
  void onlyPlainBlobsOpenWithoutWaiting() throws IOException {
    StorageKey encrypted = newKey();
    storage().write(encrypted, source(randomBytes(1000, 51)), OptionalLong.empty());
    StorageKey plainKey = newKey();
    byte[] content = randomBytes(1000, 52);
    plain().write(plainKey, source(content), OptionalLong.empty());

    assertThat(storage().readWithoutWaiting(encrypted, Optional.empty(), true)).isEmpty();
    try (BlobContent opened = storage().readWithoutWaiting(plainKey, Optional.empty(), false).orElseThrow()) {
      assertThat(opened.stream().readAllBytes()).isEqualTo(content);
      assertThat(opened.fileRegion()).isPresent();
    }
  }
}
