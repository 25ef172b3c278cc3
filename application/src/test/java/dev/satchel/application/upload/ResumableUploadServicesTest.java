package dev.satchel.application.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.satchel.application.event.EventRecorder;
import dev.satchel.application.file.FileIntake;
import dev.satchel.application.file.UploadPolicy;
import dev.satchel.domain.error.FileTooLarge;
import dev.satchel.domain.error.QuotaExceeded;
import dev.satchel.domain.error.StorageUnavailable;
import dev.satchel.domain.error.UploadBusy;
import dev.satchel.domain.error.UploadChecksumMismatch;
import dev.satchel.domain.error.UploadIncomplete;
import dev.satchel.domain.error.UploadNotFound;
import dev.satchel.domain.error.UploadOffsetMismatch;
import dev.satchel.domain.file.FileMetadata;
import dev.satchel.domain.file.MediaType;
import dev.satchel.domain.file.Sha256Checksum;
import dev.satchel.domain.event.EventType;
import dev.satchel.domain.storage.StorageKey;
import dev.satchel.domain.testing.DirectTransactionBoundary;
import dev.satchel.domain.testing.InMemoryEventOutbox;
import dev.satchel.domain.testing.FixedMediaTypeDetector;
import dev.satchel.domain.testing.InMemoryBlobStorage;
import dev.satchel.domain.testing.InMemoryFileMetadataRepository;
import dev.satchel.domain.testing.InMemoryResumableUploadRepository;
import dev.satchel.domain.testing.InMemoryUploadStaging;
import dev.satchel.domain.testing.MutableClock;
import dev.satchel.domain.testing.SequentialIdGenerator;
import dev.satchel.domain.testing.TestFiles;
import dev.satchel.domain.upload.ResumableUpload;
import dev.satchel.domain.user.UserId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The resumable upload use cases over in-memory ports: offsets, checksums, leases, completion and expiry. */
class ResumableUploadServicesTest {
  private static final MediaType PDF = new MediaType("application/pdf");
  private static final ResumablePolicy POLICY = new ResumablePolicy(Duration.ofDays(1));

  private final MutableClock clock = MutableClock.at("2026-11-29T12:00:00Z");
  private boolean storeDown;
  private final InMemoryBlobStorage blobs = new InMemoryBlobStorage(clock) {
    @Override
    public long write(StorageKey key, InputStream content, OptionalLong knownLength) {
      if (storeDown) {
        throw new StorageUnavailable("store down", null);
      }
      return super.write(key, content, knownLength);
    }
  };
  private final InMemoryFileMetadataRepository files = new InMemoryFileMetadataRepository();
  private final InMemoryResumableUploadRepository uploads = new InMemoryResumableUploadRepository();
  private final InMemoryUploadStaging staging = new InMemoryUploadStaging();
  private final SequentialIdGenerator ids = new SequentialIdGenerator();
  private final DirectTransactionBoundary tx = new DirectTransactionBoundary();
  private final UploadLeases leases = new UploadLeases(uploads, tx, clock, Duration.ofSeconds(6));
  private final UserId owner = TestFiles.newUser();
  private final InMemoryEventOutbox outbox = new InMemoryEventOutbox();
  private FileIntake intake = intake(OptionalLong.empty());

  private FileIntake intake(OptionalLong quota) {
    return new FileIntake(blobs, files, new FixedMediaTypeDetector(PDF, 8), ids, clock, tx,
        new UploadPolicy(10_000, quota), new EventRecorder(outbox, ids, clock));
  }

  private ResumableUpload create(long length) {
    return new CreateUploadService(uploads, staging, intake, ids, clock, tx, POLICY)
        .create(new CreateUploadCommand(owner, length, Optional.of("a.pdf"), Optional.empty()));
  }

  private ResumableUpload patch(ResumableUpload upload, long offset, byte[] body, Optional<byte[]> sha256) {
    return patch(upload, offset, new ByteArrayInputStream(body), sha256);
  }

  private ResumableUpload patch(ResumableUpload upload, long offset, InputStream body, Optional<byte[]> sha256) {
    return new PatchUploadService(uploads, staging, intake, ids, clock, tx, leases)
        .patch(new PatchUploadCommand(owner, upload.id(), offset, body, sha256));
  }

  @Test
  void theLastByteTurnsTheUploadIntoAFileWithTheWholeChecksum() {
    byte[] content = bytes(3000);
    ResumableUpload upload = create(content.length);

    assertThat(patch(upload, 0, Arrays.copyOfRange(content, 0, 1000), Optional.empty()).offset()).isEqualTo(1000);
    ResumableUpload done = patch(upload, 1000, Arrays.copyOfRange(content, 1000, 3000), Optional.of(sha256(
        Arrays.copyOfRange(content, 1000, 3000))));

    FileMetadata file = files.findLive(done.file().orElseThrow()).orElseThrow();
    assertThat(file.checksum()).isEqualTo(Sha256Checksum.of(sha256(content)));
    assertThat(file.size()).isEqualTo(3000);
    assertThat(file.filename().value()).isEqualTo("a.pdf");
    assertThat(blobs.bytes(file.storageKey())).isEqualTo(content);
    assertThat(uploads.find(upload.id()).orElseThrow().file()).contains(file.id());
    assertThat(staging.holds(upload.id())).isFalse();
    assertThat(outbox.all()).singleElement().satisfies(event -> {
      assertThat(event.type()).isEqualTo(EventType.FILE_UPLOADED);
      assertThat(event.data()).containsEntry("file_id", file.id().value().toString());
    });
  }

  @Test
  void aLastPatchWhoseCompletionFailedCanBeSentAgain() {
    byte[] content = bytes(2500);
    ResumableUpload upload = create(content.length);
    patch(upload, 0, Arrays.copyOfRange(content, 0, 1000), Optional.empty());
    storeDown = true;

    assertThatThrownBy(() -> patch(upload, 1000, Arrays.copyOfRange(content, 1000, 2500), Optional.empty()))
        .isInstanceOf(StorageUnavailable.class);
    ResumableUpload afterFailure = uploads.find(upload.id()).orElseThrow();
    assertThat(afterFailure.offset()).isEqualTo(1000);
    assertThat(afterFailure.isComplete()).isFalse();

    storeDown = false;
    ResumableUpload done = patch(upload, 1000, Arrays.copyOfRange(content, 1000, 2500), Optional.empty());
    assertThat(files.findLive(done.file().orElseThrow()).orElseThrow().checksum())
        .isEqualTo(Sha256Checksum.of(sha256(content)));
  }

  @Test
  void aChecksumMismatchKeepsTheOffsetAndTheRightBytesStillComplete() {
    byte[] content = bytes(2000);
    ResumableUpload upload = create(content.length);
    byte[] first = Arrays.copyOfRange(content, 0, 1000);
    byte[] wrong = first.clone();
    wrong[10] ^= 1;

    assertThatThrownBy(() -> patch(upload, 0, wrong, Optional.of(sha256(first))))
        .isInstanceOf(UploadChecksumMismatch.class);
    assertThat(uploads.find(upload.id()).orElseThrow().offset()).isZero();

    patch(upload, 0, first, Optional.of(sha256(first)));
    ResumableUpload done = patch(upload, 1000, Arrays.copyOfRange(content, 1000, 2000), Optional.empty());
    assertThat(files.findLive(done.file().orElseThrow()).orElseThrow().checksum())
        .isEqualTo(Sha256Checksum.of(sha256(content)));
  }

  @Test
  void aWrongOffsetNamesTheCurrentOne() {
    ResumableUpload upload = create(2000);
    patch(upload, 0, new byte[700], Optional.empty());

    assertThatThrownBy(() -> patch(upload, 0, new byte[10], Optional.empty()))
        .isInstanceOfSatisfying(UploadOffsetMismatch.class, e -> assertThat(e.currentOffset()).isEqualTo(700));
  }

  @Test
  void whileAnotherWriterHoldsTheLeaseAPatchIsBusyUntilTheLeaseRunsOut() {
    ResumableUpload upload = create(2000);
    uploads.claim(upload.id(), UUID.randomUUID(), clock.instant(), clock.instant().plus(leases.lease()));

    assertThatThrownBy(() -> patch(upload, 0, new byte[10], Optional.empty())).isInstanceOf(UploadBusy.class);

    clock.advance(leases.lease());
    assertThat(patch(upload, 0, new byte[10], Optional.empty()).offset()).isEqualTo(10);
  }

  /** A body that sends {@code first} bytes, then runs {@code pause} before sending {@code rest} more. */
  private static InputStream pausingBody(int first, Runnable pause, int rest) {
    return new SequenceInputStream(new ByteArrayInputStream(new byte[first]), new InputStream() {
      private InputStream after;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        if (after == null) {
          pause.run();
          after = new ByteArrayInputStream(new byte[rest]);
        }
        return after.read(buffer, offset, length);
      }
    });
  }

  @Test
  void aWriterKeepsItsLeaseThroughALongPauseWhileItsReplicaRenewsIt() {
    ResumableUpload upload = create(2000);
    List<Class<?>> competitors = new ArrayList<>();
    InputStream slow = pausingBody(100, () -> {
      for (int i = 0; i < 9; i++) { // three leases long, renewed every third of one
        clock.advance(leases.renewalInterval());
        assertThat(leases.renew()).isEqualTo(1);
        competitors.add(catchThrowable(() -> patch(upload, 0, new byte[10], Optional.empty())).getClass());
      }
    }, 400);

    assertThat(patch(upload, 0, slow, Optional.empty()).offset()).isEqualTo(500);
    assertThat(competitors).hasSize(9).containsOnly(UploadBusy.class);
  }

  @Test
  void aWriterWhoseLeaseRanOutAndWasTakenStopsAndRecordsNothing() {
    ResumableUpload upload = create(2000);
    UUID other = UUID.randomUUID();
    InputStream stalled = pausingBody(100, () -> {
      clock.advance(leases.lease()); // this replica stalled: no renewal for a whole lease
      assertThat(uploads.claim(upload.id(), other, clock.instant(), clock.instant().plus(leases.lease()))).isTrue();
      assertThat(leases.renew()).isZero(); // the lease is found gone
    }, 400);

    assertThatThrownBy(() -> patch(upload, 0, stalled, Optional.empty())).isInstanceOf(UploadBusy.class);
    uploads.release(upload.id(), other);
    assertThat(uploads.find(upload.id()).orElseThrow().offset()).isZero();
    assertThat(leases.renew()).isZero(); // nothing left held here
  }

  @Test
  void aBodyCutShortKeepsWhatArrivedAndSaysSo() {
    ResumableUpload upload = create(2000);
    InputStream cut = new SequenceInputStream(new ByteArrayInputStream(new byte[600]), new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("connection reset");
      }
    });

    assertThatThrownBy(() -> patch(upload, 0, cut, Optional.empty())).isInstanceOf(UploadIncomplete.class);
    assertThat(uploads.find(upload.id()).orElseThrow().offset()).isEqualTo(600);
  }

  @Test
  void aBodyPastTheLengthIsRefusedWhole() {
    ResumableUpload upload = create(100);

    assertThatThrownBy(() -> patch(upload, 0, new byte[101], Optional.empty())).isInstanceOf(UploadIncomplete.class);
    assertThat(uploads.find(upload.id()).orElseThrow().offset()).isZero();
    assertThat(files.storedBytes(owner)).isZero();
  }

  @Test
  void creationChecksSizeAndQuotaCountingUnfinishedUploads() {
    intake = intake(OptionalLong.of(5000));
    assertThatThrownBy(() -> create(10_001)).isInstanceOf(FileTooLarge.class);
    assertThatThrownBy(() -> create(5001)).isInstanceOf(QuotaExceeded.class);
    create(3000);
    assertThatThrownBy(() -> create(2001)).isInstanceOf(QuotaExceeded.class);
    create(2000);
  }

  @Test
  void anUploadThatNoLongerFitsTheQuotaWhenFinishedIsRemoved() {
    intake = intake(OptionalLong.of(5000));
    ResumableUpload upload = create(3000);
    patch(upload, 0, new byte[1000], Optional.empty());
    files.add(TestFiles.fileOf(owner).size(4000).build()); // stored meanwhile, e.g. by POST /upload

    assertThatThrownBy(() -> patch(upload, 1000, new byte[2000], Optional.empty())).isInstanceOf(QuotaExceeded.class);
    assertThat(uploads.find(upload.id())).isEmpty();
    assertThat(staging.holds(upload.id())).isFalse();
    assertThat(blobs.keys()).isEmpty();
  }

  @Test
  void otherUsersAndExpiredUploadsAreNotFound() {
    ResumableUpload upload = create(2000);
    GetUploadService get = new GetUploadService(uploads, clock, tx);

    assertThatThrownBy(() -> get.get(TestFiles.newUser(), upload.id())).isInstanceOf(UploadNotFound.class);
    clock.advance(POLICY.expiry());
    assertThatThrownBy(() -> get.get(owner, upload.id())).isInstanceOf(UploadNotFound.class);
    assertThatThrownBy(() -> patch(upload, 0, new byte[10], Optional.empty())).isInstanceOf(UploadNotFound.class);
  }

  @Test
  void expiryRemovesUnfinishedUploadsWithTheirBytesButSkipsOnesBeingWritten() {
    ResumableUpload idle = create(2000);
    ResumableUpload busy = create(2000);
    patch(idle, 0, new byte[100], Optional.empty());
    clock.advance(POLICY.expiry());
    uploads.claim(busy.id(), UUID.randomUUID(), clock.instant(), clock.instant().plus(leases.lease()));

    assertThat(new ExpireUploadsService(uploads, staging, ids, clock, tx, leases).expire()).isEqualTo(1);
    assertThat(uploads.find(idle.id())).isEmpty();
    assertThat(staging.holds(idle.id())).isFalse();
    assertThat(uploads.find(busy.id())).isPresent();
  }

  @Test
  void terminationRemovesTheStagedBytesButKeepsAFinishedUploadsFile() {
    ResumableUpload open = create(2000);
    TerminateUploadService terminate = new TerminateUploadService(uploads, staging, ids, clock, tx, leases);
    terminate.terminate(owner, open.id());
    assertThat(uploads.find(open.id())).isEmpty();
    assertThat(staging.holds(open.id())).isFalse();

    ResumableUpload finished = patch(create(10), 0, new byte[10], Optional.empty());
    terminate.terminate(owner, finished.id());
    assertThat(files.findLive(finished.file().orElseThrow())).isPresent();
  }

  private static byte[] bytes(int length) {
    byte[] bytes = new byte[length];
    new java.util.Random(length).nextBytes(bytes);
    return bytes;
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
