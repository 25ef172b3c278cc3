package dev.satchel.application.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.satchel.domain.file.FileMetadata;
import dev.satchel.domain.share.ShareId;
import dev.satchel.domain.share.ShareLink;
import dev.satchel.domain.share.ShareToken;
import dev.satchel.domain.testing.DirectTransactionBoundary;
import dev.satchel.domain.testing.InMemoryFileMetadataRepository;
import dev.satchel.domain.testing.InMemoryShareLinkRepository;
import dev.satchel.domain.testing.MutableClock;
import dev.satchel.domain.testing.TestFiles;
import dev.satchel.domain.user.UserId;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PurgeDeadSharesServiceTest {
  private static final Duration GRACE = Duration.ofDays(30);

  private final MutableClock clock = MutableClock.at("2025-06-01T12:00:00Z");
  private final InMemoryShareLinkRepository shares = new InMemoryShareLinkRepository();
  private final InMemoryFileMetadataRepository files = new InMemoryFileMetadataRepository(shares::pointsTo);
  private final PurgeDeadSharesService service =
      new PurgeDeadSharesService(shares, files, clock, GRACE, new DirectTransactionBoundary());
  private final UserId owner = TestFiles.newUser();

  @Test
  void linkDeadLongerThanTheGraceIsPurged() {
    ShareLink old = link(liveFile(), daysAgo(40));

    assertThat(service.purge()).isEqualTo(1);
    assertThat(shares.byId(old.id())).isEmpty();
  }

  @Test
  void linkDeadWithinTheGraceIsKeptSoItStillAnswersGone() {
    ShareLink recent = link(liveFile(), daysAgo(10));

    assertThat(service.purge()).isZero();
    assertThat(shares.byId(recent.id())).isPresent();
  }

  @Test
  void liveLinkIsKept() {
    ShareLink live = link(liveFile(), clock.instant().plus(Duration.ofDays(3)));

    assertThat(service.purge()).isZero();
    assertThat(shares.byId(live.id())).isPresent();
  }

  @Test
  void oldTombstoneWithoutLinksIsPurged() {
    FileMetadata gone = deletedFile(daysAgo(31));

    assertThat(service.purge()).isEqualTo(1);
    assertThat(files.exists(gone.id())).isFalse();
  }

  @Test
  void recentTombstoneIsKept() {
    FileMetadata gone = deletedFile(daysAgo(1));

    assertThat(service.purge()).isZero();
    assertThat(files.exists(gone.id())).isTrue();
  }

  @Test
  void tombstoneStillNeededByALinkIsKept() {
    FileMetadata gone = deletedFile(daysAgo(31));
    link(gone, daysAgo(10));

    assertThat(service.purge()).isZero();
    assertThat(files.exists(gone.id())).isTrue();
  }

  @Test
  void tombstoneIsPurgedInTheSameRunAsItsLastLink() {
    FileMetadata gone = deletedFile(daysAgo(60));
    ShareLink dead = link(gone, daysAgo(40));

    assertThat(service.purge()).isEqualTo(2);
    assertThat(shares.byId(dead.id())).isEmpty();
    assertThat(files.exists(gone.id())).isFalse();
  }

  @Test
  void liveFilesAreNeverPurged() {
    FileMetadata live = liveFile();

    assertThat(service.purge()).isZero();
    assertThat(files.findLive(live.id())).contains(live);
  }

  @Test
  void whatWasKeptIsPurgedOnceItsGraceHasPassed() {
    FileMetadata gone = deletedFile(daysAgo(31));
    link(gone, daysAgo(10));
    service.purge();

    clock.advance(Duration.ofDays(21));

    assertThat(service.purge()).isEqualTo(2);
    assertThat(files.exists(gone.id())).isFalse();
    assertThat(service.purge()).isZero();
  }

  private Instant daysAgo(int days) {
    return clock.instant().minus(Duration.ofDays(days));
  }

  private FileMetadata liveFile() {
    FileMetadata file = TestFiles.fileOf(owner).build();
    files.add(file);
    return file;
  }

  private FileMetadata deletedFile(Instant deletedAt) {
    FileMetadata file = liveFile();
    files.markDeleted(file.id(), owner, deletedAt);
    return file;
  }

  /** A link that lived seven days and expires at {@code expiresAt}. */
  private ShareLink link(FileMetadata file, Instant expiresAt) {
    ShareLink link = new ShareLink(new ShareId(UUID.randomUUID()), file.id(), owner,
        ShareToken.random(new SecureRandom()).hash(), expiresAt.minus(Duration.ofDays(7)), expiresAt,
        OptionalInt.empty(), 0, Optional.empty(), Optional.empty());
    shares.add(link);
    return link;
  }
}
