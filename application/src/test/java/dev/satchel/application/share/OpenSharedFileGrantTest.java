package dev.satchel.application.share;

import dev.satchel.domain.testing.InMemoryEventOutbox;
import dev.satchel.application.event.EventRecorder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.satchel.application.file.LiveFileLookup;
import dev.satchel.application.security.AttemptLimiter;
import dev.satchel.domain.error.ShareGone;
import dev.satchel.domain.error.SharePasswordRejected;
import dev.satchel.domain.error.TooManyAttempts;
import dev.satchel.domain.file.FileMetadata;
import dev.satchel.domain.share.ShareGrant;
import dev.satchel.domain.share.ShareId;
import dev.satchel.domain.testing.DirectTransactionBoundary;
import dev.satchel.domain.testing.FakePasswordHasher;
import dev.satchel.domain.testing.InMemoryAttemptCounter;
import dev.satchel.domain.testing.InMemoryFileMetadataRepository;
import dev.satchel.domain.testing.InMemoryMetadataCache;
import dev.satchel.domain.testing.InMemoryShareGrants;
import dev.satchel.domain.testing.InMemoryShareLinkRepository;
import dev.satchel.domain.testing.MutableClock;
import dev.satchel.domain.testing.SequentialIdGenerator;
import dev.satchel.domain.testing.TestFiles;
import dev.satchel.domain.user.UserId;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The rule that a grant from an earlier right password stands in for the password on its link. */
class OpenSharedFileGrantTest {
  private static final String PASSWORD = "open sesame";
  private static final String VISITOR = "203.0.113.7";
  private static final AttemptLimiter.Policy GUESSING =
      new AttemptLimiter.Policy(3, Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(30));

  private final MutableClock clock = MutableClock.at("2025-06-01T12:00:00Z");
  private final InMemoryEventOutbox outbox = new InMemoryEventOutbox();
  private final EventRecorder events = new EventRecorder(outbox, new SequentialIdGenerator(), clock);
  private final DirectTransactionBoundary tx = new DirectTransactionBoundary();
  private final InMemoryShareLinkRepository shares = new InMemoryShareLinkRepository();
  private final InMemoryFileMetadataRepository files = new InMemoryFileMetadataRepository(shares::pointsTo);
  private final InMemoryMetadataCache cache = new InMemoryMetadataCache();
  private final FakePasswordHasher hasher = new FakePasswordHasher();
  private final InMemoryShareGrants grants = new InMemoryShareGrants();
  private final LiveFileLookup lookup = new LiveFileLookup(files, cache, tx);
  private final ShareFileService sharing = new ShareFileService(files, shares, hasher, new SequentialIdGenerator(),
      new SecureRandom(), clock, tx, new SharePolicy(Duration.ofDays(7), Duration.ofDays(30)), events);
  private final OpenSharedFileService service = new OpenSharedFileService(shares, files, lookup, cache, hasher,
      new AttemptLimiter(new InMemoryAttemptCounter(clock), GUESSING), clock, tx, grants, new DownloadTally(1_000), events);
  private final UserId owner = TestFiles.newUser();
  private final FileMetadata file = store();

  @Test
  void rightPasswordUnlocksAGrantThatReplacesThePasswordWithoutHashingAgain() {
    CreatedShare share = protectedShare();
    UnlockedShare unlocked = service.unlock(withPassword(share, PASSWORD));
    int verifications = hasher.verifyCalls();

    for (int i = 0; i < 3; i++) {
      assertThat(service.inspect(withGrant(share, unlocked.grant())).file()).isEqualTo(file);
    }

    assertThat(unlocked.lifetime()).isEqualTo(Duration.ofMinutes(15));
    assertThat(hasher.verifyCalls()).isEqualTo(verifications);
  }

  @Test
  void wrongPasswordUnlocksNothing() {
    CreatedShare share = protectedShare();

    assertThatThrownBy(() -> service.unlock(withPassword(share, "wrong guess")))
        .isInstanceOfSatisfying(SharePasswordRejected.class, e -> assertThat(e.passwordGiven()).isTrue());
  }

  @Test
  void unlockingIsThrottledLikeTheHeader() {
    CreatedShare share = protectedShare();
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> service.inspect(withPassword(share, "wrong guess")))
          .isInstanceOf(SharePasswordRejected.class);
    }

    assertThatThrownBy(() -> service.unlock(withPassword(share, PASSWORD))).isInstanceOf(TooManyAttempts.class);
  }

  @Test
  void aGrantStillOpensWhileItsNetworkIsThrottled() {
    CreatedShare share = protectedShare();
    String grant = service.unlock(withPassword(share, PASSWORD)).grant();
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> service.inspect(withPassword(share, "wrong guess")))
          .isInstanceOf(SharePasswordRejected.class);
    }

    assertThat(service.inspect(withGrant(share, grant)).file()).isEqualTo(file);
  }

  @Test
  void grantExpiresAfterFifteenMinutes() {
    CreatedShare share = protectedShare();
    String grant = service.unlock(withPassword(share, PASSWORD)).grant();

    clock.advance(Duration.ofMinutes(15).minusMillis(1));
    assertThat(service.inspect(withGrant(share, grant)).file()).isEqualTo(file);
    clock.advance(Duration.ofMillis(1));

    assertThatThrownBy(() -> service.inspect(withGrant(share, grant))).isInstanceOf(SharePasswordRejected.class);
  }

  @Test
  void grantOfAnotherLinkIsRefused() {
    CreatedShare share = protectedShare();
    CreatedShare other = protectedShare();
    String otherGrant = service.unlock(withPassword(other, PASSWORD)).grant();

    assertThatThrownBy(() -> service.inspect(withGrant(share, otherGrant))).isInstanceOf(SharePasswordRejected.class);
  }

  @Test
  void forgedGrantIsRefused() {
    CreatedShare share = protectedShare();
    String forged = grants.seal(new ShareGrant(new ShareId(UUID.randomUUID()), clock.instant().plusSeconds(60)));

    assertThatThrownBy(() -> service.inspect(withGrant(share, "made-up")))
        .isInstanceOf(SharePasswordRejected.class);
    assertThatThrownBy(() -> service.inspect(withGrant(share, forged)))
        .isInstanceOf(SharePasswordRejected.class);
  }

  @Test
  void grantDoesNotReviveARevokedLink() {
    CreatedShare share = protectedShare();
    String grant = service.unlock(withPassword(share, PASSWORD)).grant();

    new RevokeShareService(shares, cache, clock, tx, events).revoke(owner, share.link().id());

    assertThatThrownBy(() -> service.inspect(withGrant(share, grant)))
        .isInstanceOfSatisfying(ShareGone.class, e -> assertThat(e.reason()).isEqualTo(ShareGone.Reason.REVOKED));
  }

  @Test
  void unlockingADeadLinkIsGone() {
    CreatedShare share = protectedShare();
    clock.advance(Duration.ofDays(7));

    assertThatThrownBy(() -> service.unlock(withPassword(share, PASSWORD)))
        .isInstanceOfSatisfying(ShareGone.class, e -> assertThat(e.reason()).isEqualTo(ShareGone.Reason.EXPIRED));
  }

  @Test
  void unlockIgnoresAGrantInItsCommand() {
    CreatedShare share = protectedShare();
    String grant = service.unlock(withPassword(share, PASSWORD)).grant();
    var command = new OpenShareCommand(share.token().value(), Optional.of("wrong guess"), Optional.of(grant), VISITOR);

    assertThatThrownBy(() -> service.unlock(command)).isInstanceOf(SharePasswordRejected.class);
  }

  @Test
  void commandToStringHidesTheGrant() {
    String text = new OpenShareCommand("t", Optional.empty(), Optional.of("sealed-grant"), VISITOR).toString();

    assertThat(text).doesNotContain("sealed-grant");
  }

  private CreatedShare protectedShare() {
    return sharing.share(new ShareFileCommand(owner, file.id(), OptionalLong.empty(), OptionalInt.empty(),
        Optional.of(PASSWORD)));
  }

  private FileMetadata store() {
    FileMetadata stored = TestFiles.fileOf(owner).size(3).build();
    files.add(stored);
    return stored;
  }

  private static OpenShareCommand withPassword(CreatedShare share, String password) {
    return new OpenShareCommand(share.token().value(), Optional.of(password), VISITOR);
  }

  private static OpenShareCommand withGrant(CreatedShare share, String grant) {
    return new OpenShareCommand(share.token().value(), Optional.empty(), Optional.of(grant), VISITOR);
  }
}
