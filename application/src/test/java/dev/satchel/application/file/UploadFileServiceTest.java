package dev.satchel.application.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.satchel.domain.error.FileTooLarge;
import dev.satchel.domain.error.InvalidInput;
import dev.satchel.domain.error.QuotaExceeded;
import dev.satchel.domain.error.StorageUnavailable;
import dev.satchel.domain.error.UploadIncomplete;
import dev.satchel.domain.file.FileMetadata;
import dev.satchel.domain.file.FileMetadataRepository;
import dev.satchel.domain.file.FileQuery;
import dev.satchel.domain.file.MediaType;
import dev.satchel.domain.storage.BlobStorage;
import dev.satchel.domain.storage.StorageKey;
import dev.satchel.domain.testing.DirectTransactionBoundary;
import dev.satchel.domain.testing.FixedMediaTypeDetector;
import dev.satchel.domain.testing.InMemoryBlobStorage;
import dev.satchel.domain.testing.InMemoryFileMetadataRepository;
import dev.satchel.domain.testing.MutableClock;
import dev.satchel.domain.testing.SequentialIdGenerator;
import dev.satchel.domain.testing.TestFiles;
import dev.satchel.domain.user.UserId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UploadFileServiceTest {
  private static final long MAX_BYTES = 1000;
  private static final MediaType PDF = new MediaType("application/pdf");

  private final MutableClock clock = MutableClock.at("2025-06-01T12:00:00Z");
  private final InMemoryBlobStorage blobs = new InMemoryBlobStorage(clock);
  private final InMemoryFileMetadataRepository files = new InMemoryFileMetadataRepository();
  private final FixedMediaTypeDetector detector = new FixedMediaTypeDetector(PDF, 8);
  private final UserId owner = TestFiles.newUser();

  @Test
  void storesTheBlobAndARowWithItsSizeAndSha256() throws Exception {
    byte[] content = randomBytes(MAX_BYTES);

    FileMetadata file = service(OptionalLong.empty()).upload(command("report.pdf", content));

    assertThat(file.size()).isEqualTo(content.length);
    assertThat(file.checksum().hex()).isEqualTo(sha256(content));
    assertThat(file.owner()).isEqualTo(owner);
    assertThat(file.uploadedAt()).isEqualTo(clock.instant());
    assertThat(blobs.bytes(file.storageKey())).isEqualTo(content);
    assertThat(blobs.keys()).containsExactly(file.storageKey());
    assertThat(files.findLive(file.id())).contains(file);
  }

  @Test
  void uploadWithAKnownLengthIsStoredAlike() throws Exception {
    byte[] content = randomBytes(500);

    FileMetadata file = service(OptionalLong.empty()).upload(new UploadFileCommand(owner, "a.bin", Optional.empty(),
        new ByteArrayInputStream(content), OptionalLong.of(content.length)));

    assertThat(file.size()).isEqualTo(500);
    assertThat(file.checksum().hex()).isEqualTo(sha256(content));
    assertThat(blobs.bytes(file.storageKey())).isEqualTo(content);
  }

  @Test
  void emptyUploadIsStoredWithTheDigestOfNothing() {
    FileMetadata file = service(OptionalLong.empty()).upload(command("empty.txt", new byte[0]));

    assertThat(file.size()).isZero();
    assertThat(file.checksum().hex()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(blobs.bytes(file.storageKey())).isEmpty();
  }

  @Test
  void contentTypeIsTheDetectedOneNotTheDeclaredOne() {
    byte[] content = randomBytes(100);

    FileMetadata file = service(OptionalLong.empty()).upload(new UploadFileCommand(owner, "notes.txt",
        Optional.of("text/plain"), new ByteArrayInputStream(content), OptionalLong.empty()));

    assertThat(file.contentType()).isEqualTo(PDF);
    assertThat(detector.lastHead()).isEqualTo(Arrays.copyOf(content, 8));
    assertThat(detector.lastFilename().value()).isEqualTo("notes.txt");
    assertThat(detector.lastDeclaredType()).contains("text/plain");
  }

  @Test
  void detectorSeesTheWholeOfATinyFile() {
    service(OptionalLong.empty()).upload(command("tiny.bin", new byte[] {1, 2, 3}));

    assertThat(detector.lastHead()).containsExactly(1, 2, 3);
  }

  @Test
  void filenameIsSanitizedAndNeverBecomesTheStorageKey() {
    FileMetadata file = service(OptionalLong.empty()).upload(command("../../etc/passwd", randomBytes(10)));

    assertThat(file.filename().value()).isEqualTo("passwd");
    assertThat(StorageKey.isValid(file.storageKey().value())).isTrue();
    assertThat(file.storageKey().value()).doesNotContain("passwd");
  }

  @Test
  void unusableFilenameIsRejectedBeforeTheBodyIsRead() {
    ByteArrayInputStream body = new ByteArrayInputStream(randomBytes(10));

    assertThatThrownBy(() -> service(OptionalLong.empty()).upload(
        new UploadFileCommand(owner, "..", Optional.empty(), body, OptionalLong.empty())))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("filename"));
    assertThat(body.available()).isEqualTo(10);
    assertThat(blobs.keys()).isEmpty();
  }

  @Test
  void uploadOfExactlyTheMaximumSizeIsAccepted() {
    assertThat(service(OptionalLong.empty()).upload(command("max.bin", randomBytes(MAX_BYTES))).size())
        .isEqualTo(MAX_BYTES);
  }

  @Test
  void uploadOverTheMaximumIsFileTooLargeAndLeavesNothing() {
    assertThatThrownBy(() -> service(OptionalLong.empty()).upload(command("big.bin", randomBytes(MAX_BYTES + 1))))
        .isInstanceOfSatisfying(FileTooLarge.class, e -> assertThat(e.maxBytes()).isEqualTo(MAX_BYTES));

    assertNothingStored();
  }

  @Test
  void declaredLengthOverTheMaximumIsRefusedBeforeTheBodyIsRead() {
    ByteArrayInputStream body = new ByteArrayInputStream(randomBytes(5000));

    assertThatThrownBy(() -> service(OptionalLong.empty()).upload(
        new UploadFileCommand(owner, "big.bin", Optional.empty(), body, OptionalLong.of(5000))))
        .isInstanceOf(FileTooLarge.class);
    assertThat(body.available()).isEqualTo(5000);
    assertNothingStored();
  }

  @Test
  void uploadPastTheQuotaIsQuotaExceededAndLeavesNoBlob() {
    FileMetadata existing = storedRow(90);

    assertThatThrownBy(() -> service(OptionalLong.of(100)).upload(command("more.bin", randomBytes(20))))
        .isInstanceOfSatisfying(QuotaExceeded.class, e -> assertThat(e.quotaBytes()).isEqualTo(100));

    assertThat(blobs.keys()).isEmpty();
    assertThat(files.storedBytes(owner)).isEqualTo(90);
    assertThat(listing()).containsExactly(existing);
  }

  @Test
  void declaredLengthPastTheQuotaIsRefusedBeforeTheBodyIsRead() {
    storedRow(90);
    ByteArrayInputStream body = new ByteArrayInputStream(randomBytes(20));

    assertThatThrownBy(() -> service(OptionalLong.of(100)).upload(
        new UploadFileCommand(owner, "more.bin", Optional.empty(), body, OptionalLong.of(20))))
        .isInstanceOf(QuotaExceeded.class);
    assertThat(body.available()).isEqualTo(20);
    assertThat(blobs.keys()).isEmpty();
  }

  @Test
  void theBindingQuotaCheckReadsTheSumUnderTheOwnersLock() {
    storedRow(90);
    // What a parallel upload sees before the first one commits: nothing yet, without the lock.
    InMemoryFileMetadataRepository unlockedReadIsStale = new InMemoryFileMetadataRepository() {
      @Override
      public synchronized long storedBytes(UserId who) {
        return 0;
      }

      @Override
      public synchronized long storedBytesLockingOwner(UserId who) {
        return files.storedBytesLockingOwner(who);
      }
    };

    assertThatThrownBy(() -> service(OptionalLong.of(100), unlockedReadIsStale, blobs)
        .upload(new UploadFileCommand(owner, "more.bin", Optional.empty(),
            new ByteArrayInputStream(randomBytes(20)), OptionalLong.of(20))))
        .isInstanceOf(QuotaExceeded.class);
    assertThat(blobs.keys()).isEmpty();
  }

  @Test
  void uploadFillingTheQuotaExactlyIsAccepted() {
    storedRow(90);

    assertThat(service(OptionalLong.of(100)).upload(command("rest.bin", randomBytes(10))).size()).isEqualTo(10);
    assertThat(files.storedBytes(owner)).isEqualTo(100);
  }

  @Test
  void deletedFilesAndOtherUsersFilesDoNotCountTowardsTheQuota() {
    FileMetadata deleted = storedRow(90);
    files.markDeleted(deleted.id(), owner, clock.instant());
    files.add(TestFiles.fileOf(TestFiles.newUser()).size(90).build());

    assertThat(service(OptionalLong.of(100)).upload(command("fits.bin", randomBytes(60))).size()).isEqualTo(60);
  }

  @Test
  void failedMetadataInsertRemovesTheBlob() {
    InMemoryFileMetadataRepository broken = new InMemoryFileMetadataRepository() {
      @Override
      public synchronized void add(FileMetadata file) {
        throw new IllegalStateException("database unavailable");
      }
    };

    assertThatThrownBy(() -> service(OptionalLong.empty(), broken, blobs).upload(command("a.bin", randomBytes(10))))
        .isInstanceOf(IllegalStateException.class).hasMessage("database unavailable");
    assertThat(blobs.keys()).isEmpty();
  }

  @Test
  void bodyBreakingOffMidwayIsUploadIncompleteAndLeavesNothing() {
    IOException reset = new IOException("connection reset");
    InputStream breaksOff = new InputStream() {
      private int sent;

      @Override
      public int read() throws IOException {
        if (sent == 600) {
          throw reset;
        }
        sent++;
        return 'x';
      }
    };

    assertThatThrownBy(() -> service(OptionalLong.empty()).upload(
        new UploadFileCommand(owner, "cut.bin", Optional.empty(), breaksOff, OptionalLong.empty())))
        .isInstanceOf(UploadIncomplete.class)
        .hasCause(reset);
    assertNothingStored();
  }

  @Test
  void storageFailureReachesTheCallerAndNoRowIsWritten() {
    StorageUnavailable down = new StorageUnavailable("store down", null);
    InMemoryBlobStorage failing = new InMemoryBlobStorage(clock) {
      @Override
      public long write(StorageKey key, InputStream content, OptionalLong knownLength) {
        throw down;
      }
    };

    assertThatThrownBy(() -> service(OptionalLong.empty(), files, failing).upload(command("a.bin", randomBytes(10))))
        .isSameAs(down);
    assertThat(listing()).isEmpty();
  }

  @Test
  void failingCleanupDoesNotHideTheClientsError() {
    storedRow(90);
    InMemoryBlobStorage undeletable = new InMemoryBlobStorage(clock) {
      @Override
      public void delete(StorageKey key) {
        throw new StorageUnavailable("store down", null);
      }
    };

    assertThatThrownBy(() -> service(OptionalLong.of(100), files, undeletable).upload(command("a.bin", randomBytes(20))))
        .isInstanceOf(QuotaExceeded.class);
  }

  @Test
  void everyUploadGetsItsOwnIdAndStorageKey() {
    UploadFileService service = service(OptionalLong.empty());

    FileMetadata first = service.upload(command("same.txt", randomBytes(10)));
    FileMetadata second = service.upload(command("same.txt", randomBytes(10)));

    assertThat(first.id()).isNotEqualTo(second.id());
    assertThat(first.storageKey()).isNotEqualTo(second.storageKey());
    assertThat(listing()).hasSize(2);
  }

  private UploadFileService service(OptionalLong quota) {
    return service(quota, files, blobs);
  }

  private UploadFileService service(OptionalLong quota, FileMetadataRepository repository, BlobStorage storage) {
    return new UploadFileService(new FileIntake(storage, repository, detector, new SequentialIdGenerator(), clock,
        new DirectTransactionBoundary(), new UploadPolicy(MAX_BYTES, quota)));
  }

  private UploadFileCommand command(String filename, byte[] content) {
    return new UploadFileCommand(owner, filename, Optional.empty(), new ByteArrayInputStream(content),
        OptionalLong.empty());
  }

  private FileMetadata storedRow(long size) {
    FileMetadata file = TestFiles.fileOf(owner).size(size).build();
    files.add(file);
    return file;
  }

  private List<FileMetadata> listing() {
    return files.find(FileQuery.newestFirst(owner, FileQuery.MAX_LIMIT, Optional.empty()));
  }

  private void assertNothingStored() {
    assertThat(blobs.keys()).isEmpty();
    assertThat(listing()).isEmpty();
  }

  private static byte[] randomBytes(long length) {
    byte[] bytes = new byte[(int) length];
    new Random(length).nextBytes(bytes);
    return bytes;
  }

  private static String sha256(byte[] content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
  }
}
