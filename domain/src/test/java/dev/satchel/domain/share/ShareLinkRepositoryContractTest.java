package dev.satchel.domain.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.satchel.domain.file.FileId;
import dev.satchel.domain.testing.TestFiles;
import dev.satchel.domain.user.UserId;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link ShareLinkRepository} must show; one subclass per adapter. */
public abstract class ShareLinkRepositoryContractTest {
  protected static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");
  private static final SecureRandom RANDOM = new SecureRandom();

  private ShareLinkRepository repository;
  private UserId owner;
  private FileId file;

  /** A fresh repository with no links. */
  protected abstract ShareLinkRepository newRepository();

  /** An owner that links may point to; adapters with foreign keys create the account here. */
  protected UserId newOwner() {
    return TestFiles.newUser();
  }

  /** A file of the owner that links may point to; adapters with foreign keys create its row here. */
  protected FileId newFile(UserId fileOwner) {
    return new FileId(UUID.randomUUID());
  }

  @BeforeEach
  void setUpRepository() {
    repository = newRepository();
    owner = newOwner();
    file = newFile(owner);
  }

  @Test
  void addedLinkIsFoundByItsTokenHash() {
    ShareLink link = add(link(T0, OptionalInt.empty()));

    assertThat(repository.findByTokenHash(link.tokenHash())).contains(link);
    assertThat(repository.findByTokenHash(ShareToken.random(RANDOM).hash())).isEmpty();
  }

  @Test
  void linkIsFoundByIdOnlyForItsOwner() {
    ShareLink link = add(link(T0, OptionalInt.empty()));

    assertThat(repository.findOwned(link.id(), owner)).contains(link);
    assertThat(repository.findOwned(link.id(), newOwner())).isEmpty();
  }

  @Test
  void listForFileIsNewestFirstAndOnlyTheOwners() {
    ShareLink older = add(link(T0, OptionalInt.empty()));
    ShareLink newer = add(link(T0.plusSeconds(60), OptionalInt.empty()));
    add(link(newFile(owner), owner, T0, OptionalInt.empty()));

    assertThat(repository.listForFile(file, owner)).containsExactly(newer, older);
    assertThat(repository.listForFile(file, newOwner())).isEmpty();
  }

  @Test
  void ownerRevokesALinkOnce() {
    ShareLink link = add(link(T0, OptionalInt.empty()));
    Instant at = T0.plusSeconds(5);

    assertThat(repository.revoke(link.id(), owner, at)).isTrue();
    assertThat(repository.findOwned(link.id(), owner).orElseThrow().revokedAt()).contains(at);
    assertThat(repository.revoke(link.id(), owner, at.plusSeconds(1))).isFalse();
    assertThat(repository.findOwned(link.id(), owner).orElseThrow().revokedAt()).contains(at);
  }

  @Test
  void otherUserCannotRevokeALink() {
    ShareLink link = add(link(T0, OptionalInt.empty()));

    assertThat(repository.revoke(link.id(), newOwner(), T0)).isFalse();
    assertThat(repository.findOwned(link.id(), owner).orElseThrow().revokedAt()).isEmpty();
  }

  @Test
  void claimsCountUpToTheLimitAndNoFurther() {
    ShareLink link = add(link(T0, OptionalInt.of(2)));

    assertThat(repository.claimDownload(link.id(), T0).map(ShareLink::downloadCount)).contains(1);
    assertThat(repository.claimDownload(link.id(), T0).map(ShareLink::downloadCount)).contains(2);
    assertThat(repository.claimDownload(link.id(), T0)).isEmpty();
    assertThat(repository.findOwned(link.id(), owner).orElseThrow().downloadCount()).isEqualTo(2);
  }

  @Test
  void linkWithoutLimitKeepsCounting() {
    ShareLink link = add(link(T0, OptionalInt.empty()));
    for (int i = 1; i <= 25; i++) {
      assertThat(repository.claimDownload(link.id(), T0).map(ShareLink::downloadCount)).contains(i);
    }
  }

  @Test
  void expiredLinkCannotBeClaimedFromItsExpiryOn() {
    ShareLink link = add(link(T0, OptionalInt.empty()));

    assertThat(repository.claimDownload(link.id(), link.expiresAt())).isEmpty();
    assertThat(repository.claimDownload(link.id(), link.expiresAt().minusSeconds(1))).isPresent();
  }

  @Test
  void revokedOrUnknownLinkCannotBeClaimed() {
    ShareLink link = add(link(T0, OptionalInt.empty()));
    repository.revoke(link.id(), owner, T0);

    assertThat(repository.claimDownload(link.id(), T0)).isEmpty();
    assertThat(repository.claimDownload(new ShareId(UUID.randomUUID()), T0)).isEmpty();
  }

  @Test
  void concurrentClaimsOfTheLastDownloadNeverBothSucceed() throws Exception {
    ShareLink link = add(link(T0, OptionalInt.of(1)));
    int threads = 8;
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Optional<ShareLink>>> claims = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        claims.add(pool.submit(() -> {
          start.await(10, TimeUnit.SECONDS);
          return repository.claimDownload(link.id(), T0);
        }));
      }
      int succeeded = 0;
      for (Future<Optional<ShareLink>> claim : claims) {
        succeeded += claim.get(10, TimeUnit.SECONDS).isPresent() ? 1 : 0;
      }
      assertThat(succeeded).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void addedDownloadsLandOnEachLinkInOneCall() {
    ShareLink hot = add(link(T0, OptionalInt.empty()));
    ShareLink warm = add(link(T0, OptionalInt.empty()));
    ShareLink untouched = add(link(T0, OptionalInt.empty()));
    repository.claimDownload(warm.id(), T0);

    List<ShareLink> updated = repository.addDownloads(Map.of(hot.id(), 1_000L, warm.id(), 3L));

    assertThat(updated).extracting(ShareLink::id, ShareLink::downloadCount, ShareLink::owner)
        .containsExactlyInAnyOrder(tuple(hot.id(), 1_000, owner), tuple(warm.id(), 4, owner));
    assertThat(repository.findOwned(hot.id(), owner).orElseThrow().downloadCount()).isEqualTo(1_000);
    assertThat(repository.findOwned(warm.id(), owner).orElseThrow().downloadCount()).isEqualTo(4);
    assertThat(repository.findOwned(untouched.id(), owner).orElseThrow().downloadCount()).isZero();
  }

  @Test
  void addedDownloadsSkipPurgedLinksAndCountRevokedOnes() {
    ShareLink revoked = add(link(T0, OptionalInt.empty()));
    repository.revoke(revoked.id(), owner, T0);
    ShareId purged = new ShareId(UUID.randomUUID());

    assertThat(repository.addDownloads(Map.of(revoked.id(), 2L, purged, 5L))).extracting(ShareLink::id)
        .containsExactly(revoked.id());
    assertThat(repository.findOwned(revoked.id(), owner).orElseThrow().downloadCount()).isEqualTo(2);
    assertThat(repository.addDownloads(Map.of())).isEmpty();
  }

  @Test
  void addedDownloadsSaturateInsteadOfOverflowing() {
    ShareLink link = add(link(T0, OptionalInt.empty()));

    repository.addDownloads(Map.of(link.id(), Integer.MAX_VALUE - 1L));
    repository.addDownloads(Map.of(link.id(), 5L));

    assertThat(repository.findOwned(link.id(), owner).orElseThrow().downloadCount()).isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void purgeRemovesOnlyLinksThatDiedBeforeTheCutoff() {
    Instant cutoff = T0.plus(Duration.ofDays(30));
    ShareLink expiredLongAgo = add(link(T0, OptionalInt.empty())); // expires T0 + 7 days
    ShareLink expiresAfterCutoff = add(link(cutoff.minus(Duration.ofDays(1)), OptionalInt.empty()));
    ShareLink revokedLongAgo = add(link(cutoff.minus(Duration.ofDays(2)), OptionalInt.empty()));
    ShareLink revokedAfterCutoff = add(link(cutoff.minus(Duration.ofDays(2)), OptionalInt.empty()));
    ShareLink exhaustedOld = add(link(cutoff.minus(Duration.ofDays(3)), OptionalInt.of(1)));
    ShareLink exhaustedNew = add(link(cutoff.plusSeconds(1), OptionalInt.of(1)));
    ShareLink unexhausted = add(link(cutoff.minus(Duration.ofDays(3)), OptionalInt.of(2)));
    repository.revoke(revokedLongAgo.id(), owner, cutoff.minusSeconds(1));
    repository.revoke(revokedAfterCutoff.id(), owner, cutoff.plusSeconds(1));
    repository.claimDownload(exhaustedOld.id(), cutoff.minus(Duration.ofDays(3)));
    repository.claimDownload(exhaustedNew.id(), cutoff.plusSeconds(2));
    repository.claimDownload(unexhausted.id(), cutoff.minus(Duration.ofDays(3)));

    assertThat(repository.purgeDeadBefore(cutoff)).isEqualTo(3);

    assertThat(repository.findOwned(expiredLongAgo.id(), owner)).isEmpty();
    assertThat(repository.findOwned(revokedLongAgo.id(), owner)).isEmpty();
    assertThat(repository.findOwned(exhaustedOld.id(), owner)).isEmpty();
    assertThat(repository.findOwned(expiresAfterCutoff.id(), owner)).isPresent();
    assertThat(repository.findOwned(revokedAfterCutoff.id(), owner)).isPresent();
    assertThat(repository.findOwned(exhaustedNew.id(), owner)).isPresent();
    assertThat(repository.findOwned(unexhausted.id(), owner)).isPresent();
  }

  private ShareLink add(ShareLink link) {
    repository.add(link);
    return link;
  }

  private ShareLink link(Instant createdAt, OptionalInt maxDownloads) {
    return link(file, owner, createdAt, maxDownloads);
  }

  /** A link created at {@code createdAt} that lives seven days. */
  private static ShareLink link(FileId fileId, UserId linkOwner, Instant createdAt, OptionalInt maxDownloads) {
    return new ShareLink(new ShareId(UUID.randomUUID()), fileId, linkOwner, ShareToken.random(RANDOM).hash(),
        createdAt, createdAt.plus(Duration.ofDays(7)), maxDownloads, 0, Optional.empty(), Optional.empty());
  }
}
