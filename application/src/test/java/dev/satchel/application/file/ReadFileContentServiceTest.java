package dev.satchel.application.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.satchel.domain.error.FileNotFound;
import dev.satchel.domain.error.StorageUnavailable;
import dev.satchel.domain.file.FileMetadata;
import dev.satchel.domain.storage.BlobContent;
import dev.satchel.domain.storage.ByteRange;
import dev.satchel.domain.testing.DirectTransactionBoundary;
import dev.satchel.domain.testing.InMemoryBlobStorage;
import dev.satchel.domain.testing.InMemoryFileMetadataRepository;
import dev.satchel.domain.testing.InMemoryMetadataCache;
import dev.satchel.domain.testing.MutableClock;
import dev.satchel.domain.testing.TestFiles;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReadFileContentServiceTest {
  private static final byte[] CONTENT = "0123456789".getBytes(StandardCharsets.US_ASCII);

  private final InMemoryBlobStorage blobs = new InMemoryBlobStorage(MutableClock.at("2025-06-01T12:00:00Z"));
  private final InMemoryFileMetadataRepository files = new InMemoryFileMetadataRepository();
  private final InMemoryMetadataCache cache = new InMemoryMetadataCache();
  private final ReadFileContentService service =
      new ReadFileContentService(blobs, files, cache, new DirectTransactionBoundary());
  private final FileMetadata file = TestFiles.fileOf(TestFiles.newUser()).size(CONTENT.length).build();

  @BeforeEach
  void storeTheFile() {
    files.add(file);
  }

  @Test
  void readsTheWholeBlob() throws Exception {
    blobs.put(file.storageKey(), CONTENT);

    try (BlobContent content = service.read(file, Optional.empty())) {
      assertThat(content.length()).isEqualTo(10);
      assertThat(content.stream().readAllBytes()).isEqualTo(CONTENT);
    }
  }

  @Test
  void readsAnInclusiveRange() throws Exception {
    blobs.put(file.storageKey(), CONTENT);

    try (BlobContent content = service.read(file, Optional.of(new ByteRange(2, 5)))) {
      assertThat(content.length()).isEqualTo(4);
      assertThat(new String(content.stream().readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("2345");
    }
  }

  @Test
  void rangeEndingOnTheLastByteIsAllowed() throws Exception {
    blobs.put(file.storageKey(), CONTENT);

    try (BlobContent content = service.read(file, Optional.of(new ByteRange(9, 9)))) {
      assertThat(content.stream().readAllBytes()).containsExactly('9');
    }
  }

  @Test
  void withoutWaitingTheStoreOpensWhatIsAtHandAndLeavesAMissingBlobToRead() throws Exception {
    assertThat(service.readWithoutWaiting(file, Optional.empty())).isEmpty();
    blobs.put(file.storageKey(), CONTENT);

    try (BlobContent content = service.readWithoutWaiting(file, Optional.of(new ByteRange(2, 4))).orElseThrow()) {
      assertThat(content.stream().readAllBytes()).containsExactly('2', '3', '4');
    }
    assertThatThrownBy(() -> service.readWithoutWaiting(file, Optional.of(new ByteRange(5, 10))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** A blob cut short or replaced on disk must not be served under the row's length and ETag. */
  @Test
  void aBlobWhoseLengthDiffersFromTheRecordedSizeIsAStoreFailureOnBothPaths() {
    blobs.put(file.storageKey(), "01234".getBytes(StandardCharsets.US_ASCII)); // the row says 10

    assertThatThrownBy(() -> service.read(file, Optional.empty()))
        .isInstanceOfSatisfying(StorageUnavailable.class, e -> assertThat(e.blobMissing()).isFalse());
    assertThatThrownBy(() -> service.readWithoutWaiting(file, Optional.empty()))
        .isInstanceOf(StorageUnavailable.class);
  }

  @Test
  void rangeBeyondTheRecordedSizeIsRefused() {
    blobs.put(file.storageKey(), CONTENT);

    assertThatThrownBy(() -> service.read(file, Optional.of(new ByteRange(5, 10))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void missingBlobOfAFileDeletedMeanwhileIsNotFoundAndLeavesTheCache() {
    // Another replica deleted the file and its blob; this one still had the row cached.
    cache.putFile(file);
    files.markDeleted(file.id(), file.owner(), MutableClock.at("2025-06-01T12:00:01Z").instant());

    assertThatThrownBy(() -> service.read(file, Optional.empty())).isInstanceOf(FileNotFound.class);
    assertThat(cache.file(file.id())).isEmpty();
  }

  @Test
  void missingBlobOfALiveFileIsTheStoresFault() {
    cache.putFile(file);

    assertThatThrownBy(() -> service.read(file, Optional.empty()))
        .isInstanceOfSatisfying(StorageUnavailable.class, e -> assertThat(e.blobMissing()).isTrue());
    assertThat(cache.file(file.id())).contains(file);
  }
}
