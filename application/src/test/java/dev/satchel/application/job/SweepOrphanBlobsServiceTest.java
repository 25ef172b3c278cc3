package dev.satchel.application.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.satchel.domain.file.FileMetadata;
import dev.satchel.domain.storage.StorageKey;
import dev.satchel.domain.testing.DirectTransactionBoundary;
import dev.satchel.domain.testing.InMemoryBlobStorage;
import dev.satchel.domain.testing.InMemoryFileMetadataRepository;
import dev.satchel.domain.testing.MutableClock;
import dev.satchel.domain.testing.TestFiles;
import dev.satchel.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SweepOrphanBlobsServiceTest {
  private static final Duration SAFETY_WINDOW = Duration.ofHours(6);
  private static final Duration ABANDONED_AGE = Duration.ofMinutes(2);
  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

  private final MutableClock clock = new MutableClock(NOW);
  private final InMemoryBlobStorage blobs = new InMemoryBlobStorage(clock);
  private final InMemoryFileMetadataRepository files = new InMemoryFileMetadataRepository();
  private final SweepOrphanBlobsService service =
      new SweepOrphanBlobsService(blobs, files, clock, SAFETY_WINDOW, new DirectTransactionBoundary(), ABANDONED_AGE);
  private final UserId owner = TestFiles.newUser();

  @Test
  void partialWritesOlderThanTheReadTimeoutAreRemovedAndCounted() {
    blobs.leaveAbandonedWrite(NOW.minus(ABANDONED_AGE).minusSeconds(1));
    blobs.leaveAbandonedWrite(NOW.minus(Duration.ofHours(3)));
    blobs.leaveAbandonedWrite(NOW.minusSeconds(30));

    assertThat(service.sweep()).isEqualTo(2);
    assertThat(blobs.abandonedWrites()).isEqualTo(1);
  }

  @Test
  void orphanOlderThanTheWindowIsRemoved() {
    StorageKey orphan = blobWrittenAgo(Duration.ofHours(7));

    assertThat(service.sweep()).isEqualTo(1);
    assertThat(blobs.contains(orphan)).isFalse();
  }

  @Test
  void youngOrphanIsKeptBecauseItsUploadMayStillBeRunning() {
    StorageKey young = blobWrittenAgo(Duration.ofHours(1));

    assertThat(service.sweep()).isZero();
    assertThat(blobs.contains(young)).isTrue();
  }

  @Test
  void orphanExactlyAsOldAsTheWindowIsKept() {
    StorageKey boundary = blobWrittenAgo(SAFETY_WINDOW);

    assertThat(service.sweep()).isZero();
    assertThat(blobs.contains(boundary)).isTrue();
  }

  @Test
  void oldBlobOfALiveFileIsKept() {
    StorageKey referenced = blobWrittenAgo(Duration.ofDays(30));
    files.add(fileStoredUnder(referenced));

    assertThat(service.sweep()).isZero();
    assertThat(blobs.contains(referenced)).isTrue();
  }

  @Test
  void oldBlobOfADeletedFileIsRemoved() {
    StorageKey leftBehind = blobWrittenAgo(Duration.ofDays(30));
    FileMetadata deleted = fileStoredUnder(leftBehind);
    files.add(deleted);
    files.markDeleted(deleted.id(), owner, NOW.minus(Duration.ofDays(1)));

    assertThat(service.sweep()).isEqualTo(1);
    assertThat(blobs.contains(leftBehind)).isFalse();
  }

  @Test
  void sweepRemovesEveryOrphanAndNothingElseThenFindsNothingMore() {
    StorageKey orphanA = blobWrittenAgo(Duration.ofHours(7));
    StorageKey orphanB = blobWrittenAgo(Duration.ofDays(2));
    StorageKey referenced = blobWrittenAgo(Duration.ofDays(2));
    StorageKey young = blobWrittenAgo(Duration.ofMinutes(5));
    files.add(fileStoredUnder(referenced));

    assertThat(service.sweep()).isEqualTo(2);
    assertThat(blobs.keys()).containsExactlyInAnyOrder(referenced, young).doesNotContain(orphanA, orphanB);
    assertThat(service.sweep()).isZero();
  }

  @Test
  void storedKeysAreCheckedInBatchesNotOneQueryPerBlob() {
    List<Integer> batchSizes = new ArrayList<>();
    InMemoryFileMetadataRepository counting = new InMemoryFileMetadataRepository() {
      @Override
      public synchronized Set<StorageKey> referencedBlobs(Collection<StorageKey> keys) {
        batchSizes.add(keys.size());
        return super.referencedBlobs(keys);
      }
    };
    SweepOrphanBlobsService batched =
        new SweepOrphanBlobsService(blobs, counting, clock, SAFETY_WINDOW, new DirectTransactionBoundary(), ABANDONED_AGE);
    List<StorageKey> kept = new ArrayList<>();
    int total = 2 * SweepOrphanBlobsService.BATCH_SIZE + 7;
    for (int i = 0; i < total; i++) {
      StorageKey key = blobWrittenAgo(Duration.ofDays(1));
      if (i % 100 == 0) {
        counting.add(fileStoredUnder(key));
        kept.add(key);
      }
    }

    assertThat(batched.sweep()).isEqualTo(total - kept.size());
    assertThat(batchSizes).containsExactly(SweepOrphanBlobsService.BATCH_SIZE, SweepOrphanBlobsService.BATCH_SIZE, 7);
    assertThat(blobs.keys()).containsExactlyInAnyOrderElementsOf(kept);
  }

  @Test
  void noOldBlobsMeansNoQuery() {
    blobWrittenAgo(Duration.ofMinutes(1));
    InMemoryFileMetadataRepository failing = new InMemoryFileMetadataRepository() {
      @Override
      public synchronized Set<StorageKey> referencedBlobs(Collection<StorageKey> keys) {
        throw new AssertionError("no query expected");
      }
    };

    assertThat(new SweepOrphanBlobsService(blobs, failing, clock, SAFETY_WINDOW, new DirectTransactionBoundary(),
        ABANDONED_AGE)
        .sweep()).isZero();
  }

  private StorageKey blobWrittenAgo(Duration age) {
    StorageKey key = StorageKey.forBlob(UUID.randomUUID());
    clock.set(NOW.minus(age));
    blobs.put(key, new byte[] {42});
    clock.set(NOW);
    return key;
  }

  private FileMetadata fileStoredUnder(StorageKey key) {
    FileMetadata template = TestFiles.fileOf(owner).build();
    return new FileMetadata(template.id(), owner, template.filename(), 1, template.contentType(),
        template.checksum(), key, template.uploadedAt());
  }
}
