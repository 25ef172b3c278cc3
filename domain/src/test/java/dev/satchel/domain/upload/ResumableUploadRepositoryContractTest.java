package dev.satchel.domain.upload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.satchel.domain.file.FileId;
import dev.satchel.domain.file.FileName;
import dev.satchel.domain.testing.TestFiles;
import dev.satchel.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link ResumableUploadRepository} must show; one subclass per adapter. */
public abstract class ResumableUploadRepositoryContractTest {
  protected static final Instant T0 = Instant.parse("2026-11-29T12:00:00Z");
  private static final Duration LEASE = Duration.ofMinutes(2);

  private ResumableUploadRepository repository;
  private UserId owner;

  /** A fresh repository with no uploads. */
  protected abstract ResumableUploadRepository newRepository();

  /** An owner that uploads may belong to; adapters with foreign keys create the account here. */
  protected UserId newOwner() {
    return TestFiles.newUser();
  }

  @BeforeEach
  void setUp() {
    repository = newRepository();
    owner = newOwner();
  }

  private ResumableUpload upload(long length, Instant expiresAt) {
    return new ResumableUpload(new UploadId(UUID.randomUUID()), owner, length, 0, new FileName("a.bin"),
        Optional.of("application/pdf"), T0, expiresAt, "state-0", Optional.empty());
  }

  @Test
  void anAddedUploadIsFoundAsStored() {
    ResumableUpload upload = upload(100, T0.plus(Duration.ofDays(1)));
    repository.add(upload);

    assertThat(repository.find(upload.id())).contains(upload);
    assertThat(repository.find(new UploadId(UUID.randomUUID()))).isEmpty();
  }

  @Test
  void aLeaseExcludesOtherWritersUntilReleasedOrRunOut() {
    ResumableUpload upload = upload(100, T0.plus(Duration.ofDays(1)));
    repository.add(upload);
    UUID first = UUID.randomUUID();
    UUID second = UUID.randomUUID();

    assertThat(repository.claim(upload.id(), first, T0, T0.plus(LEASE))).isTrue();
    assertThat(repository.claim(upload.id(), second, T0.plus(LEASE).minusSeconds(1), T0.plus(LEASE))).isFalse();
    assertThat(repository.renewAll(List.of(second), T0.plus(LEASE))).isEmpty();
    assertThat(repository.renewAll(List.of(first, second), T0.plus(LEASE.multipliedBy(2)))).containsExactly(first);
    assertThat(repository.claim(upload.id(), second, T0.plus(LEASE), T0.plus(LEASE.multipliedBy(3)))).isFalse();

    repository.release(upload.id(), second); // not its lease: no effect
    assertThat(repository.claim(upload.id(), second, T0.plus(LEASE), T0.plus(LEASE.multipliedBy(3)))).isFalse();
    repository.release(upload.id(), first);
    assertThat(repository.claim(upload.id(), second, T0.plus(LEASE), T0.plus(LEASE.multipliedBy(3)))).isTrue();
  }

  @Test
  void renewingAllLeasesExtendsExactlyTheOnesStillHeld() {
    ResumableUpload held = upload(100, T0.plus(Duration.ofDays(1)));
    ResumableUpload taken = upload(100, T0.plus(Duration.ofDays(1)));
    ResumableUpload freed = upload(100, T0.plus(Duration.ofDays(1)));
    List.of(held, taken, freed).forEach(repository::add);
    UUID mine = UUID.randomUUID();
    UUID lost = UUID.randomUUID();
    UUID released = UUID.randomUUID();
    repository.claim(held.id(), mine, T0, T0.plus(LEASE));
    repository.claim(taken.id(), lost, T0, T0.plus(LEASE));
    repository.claim(taken.id(), UUID.randomUUID(), T0.plus(LEASE), T0.plus(LEASE.multipliedBy(2))); // ran out, taken
    repository.claim(freed.id(), released, T0, T0.plus(LEASE));
    repository.release(freed.id(), released);

    assertThat(repository.renewAll(List.of(mine, lost, released, UUID.randomUUID()), T0.plus(LEASE.multipliedBy(5))))
        .containsExactly(mine);
    assertThat(repository.renewAll(List.of(), T0)).isEmpty();
    // Renewed to 5 leases from T0: nobody else takes it before then.
    assertThat(repository.claim(held.id(), UUID.randomUUID(), T0.plus(LEASE.multipliedBy(4)), T0.plus(LEASE.multipliedBy(6))))
        .isFalse();
  }

  @Test
  void aLeaseThatRanOutCanBeTakenAndTheOldHolderCanNoLongerWrite() {
    ResumableUpload upload = upload(100, T0.plus(Duration.ofDays(1)));
    repository.add(upload);
    UUID crashed = UUID.randomUUID();
    UUID next = UUID.randomUUID();
    repository.claim(upload.id(), crashed, T0, T0.plus(LEASE));

    assertThat(repository.claim(upload.id(), next, T0.plus(LEASE), T0.plus(LEASE.multipliedBy(2)))).isTrue();
    assertThat(repository.advance(upload.id(), crashed, 50, "late")).isFalse();
    assertThat(repository.advance(upload.id(), next, 40, "state-1")).isTrue();

    ResumableUpload stored = repository.find(upload.id()).orElseThrow();
    assertThat(stored.offset()).isEqualTo(40);
    assertThat(stored.stagingState()).isEqualTo("state-1");
    // advance freed the lease
    assertThat(repository.claim(upload.id(), crashed, T0.plus(LEASE), T0.plus(LEASE.multipliedBy(2)))).isTrue();
  }

  @Test
  void completionRecordsTheFileAndEndsAllWriting() {
    ResumableUpload upload = upload(100, T0.plus(Duration.ofDays(1)));
    repository.add(upload);
    UUID token = UUID.randomUUID();
    repository.claim(upload.id(), token, T0, T0.plus(LEASE));
    FileId file = new FileId(UUID.randomUUID());
    assertThat(repository.restage(upload.id(), UUID.randomUUID(), "stolen")).isFalse();
    assertThat(repository.restage(upload.id(), token, "sealed")).isTrue();
    assertThat(repository.find(upload.id()).orElseThrow().stagingState()).isEqualTo("sealed");
    assertThat(repository.claim(upload.id(), UUID.randomUUID(), T0, T0.plus(LEASE))).isFalse(); // still held

    assertThat(repository.complete(upload.id(), token, file)).isTrue();

    ResumableUpload stored = repository.find(upload.id()).orElseThrow();
    assertThat(stored.file()).contains(file);
    assertThat(stored.offset()).isEqualTo(100);
    assertThat(repository.claim(upload.id(), UUID.randomUUID(), T0.plus(LEASE), T0.plus(LEASE))).isFalse();
  }

  @Test
  void ofManyConcurrentClaimsExactlyOneWins() throws Exception {
    ResumableUpload upload = upload(100, T0.plus(Duration.ofDays(1)));
    repository.add(upload);
    int writers = 8;
    CyclicBarrier start = new CyclicBarrier(writers);
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<Boolean>> claims = new ArrayList<>();
      for (int i = 0; i < writers; i++) {
        claims.add(pool.submit(() -> {
          start.await(10, TimeUnit.SECONDS);
          return repository.claim(upload.id(), UUID.randomUUID(), T0, T0.plus(LEASE));
        }));
      }
      int won = 0;
      for (Future<Boolean> claim : claims) {
        won += claim.get(30, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertThat(won).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void expiredUploadsComeOldestFirstAndPendingBytesCountOnlyLiveUnfinishedOnes() {
    ResumableUpload late = upload(10, T0.plus(Duration.ofHours(2)));
    ResumableUpload early = upload(20, T0.plus(Duration.ofHours(1)));
    ResumableUpload live = upload(40, T0.plus(Duration.ofDays(1)));
    ResumableUpload done = upload(80, T0.plus(Duration.ofDays(1)));
    List.of(late, early, live, done).forEach(repository::add);
    UUID token = UUID.randomUUID();
    repository.claim(done.id(), token, T0, T0.plus(LEASE));
    repository.complete(done.id(), token, new FileId(UUID.randomUUID()));

    assertThat(repository.expiredBy(T0.plus(Duration.ofHours(3)), 10)).extracting(ResumableUpload::id)
        .containsExactly(early.id(), late.id());
    assertThat(repository.expiredBy(T0.plus(Duration.ofHours(3)), 1)).extracting(ResumableUpload::id)
        .containsExactly(early.id());
    assertThat(repository.pendingBytes(owner, T0.plus(Duration.ofMinutes(90)))).isEqualTo(10 + 40);
    assertThat(repository.pendingBytes(newOwner(), T0)).isZero();

    repository.delete(early.id());
    assertThat(repository.find(early.id())).isEmpty();
  }
}
