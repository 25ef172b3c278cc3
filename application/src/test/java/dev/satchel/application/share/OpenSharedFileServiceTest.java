package dev.satchel.application.share;

import dev.satchel.domain.event.Event;
import dev.satchel.domain.event.EventType;
import static org.assertj.core.api.Assertions.tuple;
import dev.satchel.domain.testing.InMemoryEventOutbox;
import dev.satchel.application.event.EventRecorder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.satchel.application.file.DeleteFileService;
import dev.satchel.application.file.LiveFileLookup;
import dev.satchel.application.security.AttemptLimiter;
import dev.satchel.domain.error.InvalidInput;
import dev.satchel.domain.error.ShareGone;
import dev.satchel.domain.error.ShareGone.Reason;
import dev.satchel.domain.error.ShareNotFound;
import dev.satchel.domain.error.SharePasswordRejected;
import dev.satchel.domain.error.TooManyAttempts;
import dev.satchel.domain.file.FileMetadata;
import dev.satchel.domain.share.ShareLink;
import dev.satchel.domain.share.ShareToken;
import dev.satchel.domain.testing.DirectTransactionBoundary;
import dev.satchel.domain.testing.FakePasswordHasher;
import dev.satchel.domain.testing.InMemoryAttemptCounter;
import dev.satchel.domain.testing.InMemoryBlobStorage;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class OpenSharedFileServiceTest {
  private static final Duration TTL = Duration.ofDays(7);
  private static final String PASSWORD = "open sesame";
  private static final String VISITOR = "203.0.113.7";
  private static final String OTHER_VISITOR = "198.51.100.9";
  private static final AttemptLimiter.Policy GUESSING =
      new AttemptLimiter.Policy(3, Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofMinutes(30));

  private final MutableClock clock = MutableClock.at("2025-06-01T12:00:00Z");
  private final InMemoryEventOutbox outbox = new InMemoryEventOutbox();
  private final EventRecorder events = new EventRecorder(outbox, new SequentialIdGenerator(), clock);
  private final DirectTransactionBoundary tx = new DirectTransactionBoundary();
  private final InMemoryShareLinkRepository shares = new InMemoryShareLinkRepository();
  private final InMemoryFileMetadataRepository files = new InMemoryFileMetadataRepository(shares::pointsTo);
  private final InMemoryBlobStorage blobs = new InMemoryBlobStorage(clock);
  private final InMemoryMetadataCache cache = new InMemoryMetadataCache();
  private final FakePasswordHasher hasher = new FakePasswordHasher();
  private final LiveFileLookup lookup = new LiveFileLookup(files, cache, tx);
  private final ShareFileService sharing = new ShareFileService(files, shares, hasher, new SequentialIdGenerator(),
      new SecureRandom(), clock, tx, new SharePolicy(TTL, Duration.ofDays(30)), events);
  private final DownloadTally tally = new DownloadTally(1_000);
  private final OpenSharedFileService service = new OpenSharedFileService(shares, files, lookup, cache, hasher,
      new AttemptLimiter(new InMemoryAttemptCounter(clock), GUESSING), clock, tx, new InMemoryShareGrants(), tally, events);
  private final UserId owner = TestFiles.newUser();
  private final FileMetadata file = store();

  @Test
  void validTokenOpensTheSharedFile() {
    CreatedShare share = share(OptionalInt.empty(), Optional.empty());

    SharedFile opened = inspect(share.token());

    assertThat(opened.file()).isEqualTo(file);
    assertThat(opened.link().id()).isEqualTo(share.link().id());
  }

  @Test
  void unknownTokenIsShareNotFound() {
    share(OptionalInt.empty(), Optional.empty());

    assertThatThrownBy(() -> inspect(ShareToken.random(new SecureRandom()))).isInstanceOf(ShareNotFound.class);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"x", "this is not a token at all but it is too long to be one"
      + "........................................................................................"})
  void malformedTokenIsShareNotFound(String token) {
    assertThatThrownBy(() -> service.inspect(new OpenShareCommand(token, Optional.empty(), VISITOR)))
        .isInstanceOf(ShareNotFound.class);
  }

  @Test
  void linkWorksUntilJustBeforeItExpires() {
    CreatedShare share = share(OptionalInt.empty(), Optional.empty());

    clock.advance(TTL.minusMillis(1));

    assertThat(inspect(share.token()).file()).isEqualTo(file);
  }

  @Test
  void linkIsGoneAsExpiredFromItsExpiryOn() {
    CreatedShare share = share(OptionalInt.empty(), Optional.empty());
    inspect(share.token()); // now cached

    clock.advance(TTL);

    assertGone(() -> inspect(share.token()), Reason.EXPIRED);
  }

  @Test
  void revokedLinkIsGoneAsRevoked() {
    CreatedShare share = share(OptionalInt.empty(), Optional.empty());
    inspect(share.token()); // now cached

    new RevokeShareService(shares, cache, clock, tx, events).revoke(owner, share.link().id());

    assertGone(() -> inspect(share.token()), Reason.REVOKED);
  }

  @Test
  void linkToADeletedFileIsGoneAsFileDeleted() {
    CreatedShare share = share(OptionalInt.empty(), Optional.empty());
    inspect(share.token()); // link and file now cached

    new DeleteFileService(files, shares, blobs, cache, clock, tx, events).delete(owner, file.id());

    assertGone(() -> inspect(share.token()), Reason.FILE_DELETED);
  }

  @Test
  void protectedLinkRevealsNothingAboutItsFileBeforeThePassword() {
    CreatedShare share = share(OptionalInt.empty(), Optional.of(PASSWORD));
    new DeleteFileService(files, shares, blobs, cache, clock, tx, events).delete(owner, file.id());

    assertThatThrownBy(() -> inspect(share.token())).isInstanceOf(SharePasswordRejected.class);
    assertGone(() -> inspect(share.token(), PASSWORD, "192.0.2.1"), Reason.FILE_DELETED);
  }

  @Test
  void protectedLinkWithoutAPasswordIsRejected() {
    CreatedShare share = share(OptionalInt.empty(), Optional.of(PASSWORD));

    assertThatThrownBy(() -> inspect(share.token())).isInstanceOf(SharePasswordRejected.class);
  }

  @Test
  void protectedLinkWithAWrongPasswordIsRejected() {
    CreatedShare share = share(OptionalInt.empty(), Optional.of(PASSWORD));

    assertThatThrownBy(() -> inspect(share.token(), "open barley", VISITOR)).isInstanceOf(SharePasswordRejected.class);
  }

  @Test
  void protectedLinkWithItsPasswordOpens() {
    CreatedShare share = share(OptionalInt.empty(), Optional.of(PASSWORD));

    assertThat(inspect(share.token(), PASSWORD, VISITOR).file()).isEqualTo(file);
  }

  @Test
  void visitsWithoutAPasswordAreNotCountedAsGuesses() {
    CreatedShare share = share(OptionalInt.empty(), Optional.of(PASSWORD));
    for (int i = 0; i < 10; i++) {
      assertThatThrownBy(() -> inspect(share.token())).isInstanceOf(SharePasswordRejected.class);
    }

    assertThat(inspect(share.token(), PASSWORD, VISITOR).file()).isEqualTo(file);
  }

  @Test
  void repeatedWrongPasswordsAreThrottledEvenForTheRightOne() {
    CreatedShare share = share(OptionalInt.empty(), Optional.of(PASSWORD));
    guessWrong(share, VISITOR, 3);

    assertThatThrownBy(() -> inspect(share.token(), PASSWORD, VISITOR))
        .isInstanceOfSatisfying(TooManyAttempts.class, e -> assertThat(e.retryAfter()).isPositive());
  }

  @Test
  void parallelWrongPasswordsGetNoMoreThanTheFreeAttemptsBetweenThem() throws Exception {
    CreatedShare share = share(OptionalInt.empty(), Optional.of(PASSWORD));
    int threads = 24;
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Class<?>> outcomes = new ArrayList<>();
    try {
      List<Future<Class<?>>> guesses = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        guesses.add(pool.submit(() -> {
          start.await(10, TimeUnit.SECONDS);
          try {
            inspect(share.token(), "parallel guess", VISITOR);
            return Void.class;
          } catch (RuntimeException e) {
            return e.getClass();
          }
        }));
      }
      for (Future<Class<?>> guess : guesses) {
        outcomes.add(guess.get(10, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(outcomes).filteredOn(SharePasswordRejected.class::equals).hasSize(GUESSING.freeAttempts());
    assertThat(outcomes).filteredOn(TooManyAttempts.class::equals).hasSize(threads - GUESSING.freeAttempts());
  }

  @Test
  void guessingFromOneNetworkDoesNotLockOutAnother() {
    CreatedShare share = share(OptionalInt.empty(), Optional.of(PASSWORD));
    guessWrong(share, VISITOR, 3);

    assertThat(inspect(share.token(), PASSWORD, OTHER_VISITOR).file()).isEqualTo(file);
  }

  @Test
  void guessingOneLinkDoesNotThrottleAnother() {
    CreatedShare guessed = share(OptionalInt.empty(), Optional.of(PASSWORD));
    CreatedShare other = share(OptionalInt.empty(), Optional.of(PASSWORD));
    guessWrong(guessed, VISITOR, 3);

    assertThat(inspect(other.token(), PASSWORD, VISITOR).file()).isEqualTo(file);
  }

  @Test
  void throttleLiftsOnceTheDelayHasPassed() {
    CreatedShare share = share(OptionalInt.empty(), Optional.of(PASSWORD));
    guessWrong(share, VISITOR, 3);

    clock.advance(Duration.ofSeconds(1));

    assertThat(inspect(share.token(), PASSWORD, VISITOR).file()).isEqualTo(file);
  }

  @Test
  void rightPasswordResetsTheGuessCount() {
    CreatedShare share = share(OptionalInt.empty(), Optional.of(PASSWORD));
    guessWrong(share, VISITOR, 2);
    inspect(share.token(), PASSWORD, VISITOR);
    guessWrong(share, VISITOR, 2);

    assertThat(inspect(share.token(), PASSWORD, VISITOR).file()).isEqualTo(file);
  }

  @Test
  void overlongPasswordIsInvalidInputAndNeverHashed() {
    CreatedShare share = share(OptionalInt.empty(), Optional.of(PASSWORD));
    int before = hasher.verifyCalls();

    assertThatThrownBy(() -> inspect(share.token(), "x".repeat(4097), VISITOR))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("X-Share-Password"));
    assertThat(hasher.verifyCalls()).isEqualTo(before);
  }

  @Test
  void inspectingDoesNotCountADownload() {
    CreatedShare share = share(OptionalInt.of(1), Optional.empty());

    for (int i = 0; i < 5; i++) {
      inspect(share.token());
    }

    assertThat(shares.byId(share.link().id()).orElseThrow().downloadCount()).isZero();
  }

  @Test
  void eachClaimCountsOneDownloadAndTheOneAfterTheLimitIsExhausted() {
    CreatedShare share = share(OptionalInt.of(3), Optional.empty());
    List<Integer> counts = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      counts.add(service.claimDownload(inspect(share.token())).link().downloadCount());
    }

    assertThat(counts).containsExactly(1, 2, 3);
    assertGone(() -> service.claimDownload(new SharedFile(share.link(), file)), Reason.EXHAUSTED);
    assertGone(() -> inspect(share.token()), Reason.EXHAUSTED);
    assertThat(outbox.all()).extracting(Event::type, e -> e.data().get("download_count")).containsExactly(
        tuple(EventType.SHARE_CREATED, null), tuple(EventType.SHARE_DOWNLOADED, 1L),
        tuple(EventType.SHARE_DOWNLOADED, 2L), tuple(EventType.SHARE_DOWNLOADED, 3L),
        tuple(EventType.SHARE_EXHAUSTED, 3L));
  }

  @Test
  void whatALimitedLinkShowsAfterADownloadIsItsNewCountNotTheCachedOne() {
    CreatedShare share = share(OptionalInt.of(3), Optional.empty());
    assertThat(inspect(share.token()).link().downloadCount()).isZero(); // now held by the cache

    service.claimDownload(inspect(share.token()));
    assertThat(inspect(share.token()).link().downloadCount()).isEqualTo(1);
    service.claimDownload(inspect(share.token()));
    assertThat(inspect(share.token()).link().downloadCount()).isEqualTo(2);
  }

  @Test
  void claimOfALimitedLinkReturnsTheLinkWithItsNewCountAndTheFile() {
    CreatedShare share = share(OptionalInt.of(5), Optional.empty());

    SharedFile claimed = service.claimDownload(inspect(share.token()));

    assertThat(claimed.link().downloadCount()).isEqualTo(1);
    assertThat(claimed.file()).isEqualTo(file);
    assertThat(tally.pendingDownloads()).isZero();
  }

  @Test
  void claimOfAnUnlimitedLinkCountsInMemoryAndWritesNothing() {
    CreatedShare share = share(OptionalInt.empty(), Optional.empty());
    SharedFile inspected = inspect(share.token());

    for (int i = 0; i < 3; i++) {
      assertThat(service.claimDownload(inspected)).isEqualTo(inspected);
    }

    assertThat(shares.byId(share.link().id()).orElseThrow().downloadCount()).isZero();
    assertThat(tally.drain()).containsExactly(Map.entry(share.link().id(), 3L));
  }

  @Test
  void limitedLinkRevokedBetweenInspectAndClaimIsGoneAsRevoked() {
    CreatedShare share = share(OptionalInt.of(5), Optional.empty());
    SharedFile inspected = inspect(share.token());

    new RevokeShareService(shares, cache, clock, tx, events).revoke(owner, share.link().id());

    assertGone(() -> service.claimDownload(inspected), Reason.REVOKED);
  }

  @Test
  void unlimitedLinkRevokedBetweenInspectAndClaimServesThatOneDownloadButNoLaterVisit() {
    CreatedShare share = share(OptionalInt.empty(), Optional.empty());
    SharedFile inspected = inspect(share.token());

    new RevokeShareService(shares, cache, clock, tx, events).revoke(owner, share.link().id());

    service.claimDownload(inspected); // decided by inspect, like a revocation while bytes stream
    assertGone(() -> inspect(share.token()), Reason.REVOKED);
    assertThat(tally.pendingDownloads()).isEqualTo(1);
  }

  @Test
  void limitedLinkWhoseFileIsDeletedBetweenInspectAndClaimIsGoneAsFileDeleted() {
    CreatedShare share = share(OptionalInt.of(5), Optional.empty());
    SharedFile inspected = inspect(share.token());

    new DeleteFileService(files, shares, blobs, cache, clock, tx, events).delete(owner, file.id());

    assertGone(() -> service.claimDownload(inspected), Reason.FILE_DELETED);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 5})
  void linkExpiringBetweenInspectAndClaimIsGoneAsExpired(int maxDownloads) {
    CreatedShare share = share(maxDownloads == 0 ? OptionalInt.empty() : OptionalInt.of(maxDownloads), Optional.empty());
    SharedFile inspected = inspect(share.token());

    clock.advance(TTL);

    assertGone(() -> service.claimDownload(inspected), Reason.EXPIRED);
    assertThat(tally.pendingDownloads()).isZero();
  }

  @Test
  void eightVisitorsRacingForTheOnlyDownloadLetExactlyOneThrough() throws Exception {
    CreatedShare share = share(OptionalInt.of(1), Optional.empty());
    int visitors = 8;
    List<SharedFile> inspected = new ArrayList<>();
    for (int i = 0; i < visitors; i++) {
      inspected.add(inspect(share.token()));
    }
    CyclicBarrier start = new CyclicBarrier(visitors);
    ExecutorService pool = Executors.newFixedThreadPool(visitors);
    List<String> outcomes = new ArrayList<>();
    try {
      List<Future<String>> claims = new ArrayList<>();
      for (SharedFile visit : inspected) {
        claims.add(pool.submit(() -> {
          start.await(10, TimeUnit.SECONDS);
          try {
            service.claimDownload(visit);
            return "downloaded";
          } catch (ShareGone gone) {
            return gone.reason().name();
          }
        }));
      }
      for (Future<String> claim : claims) {
        outcomes.add(claim.get(10, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(outcomes).containsOnlyOnce("downloaded");
    assertThat(outcomes).filteredOn("EXHAUSTED"::equals).hasSize(visitors - 1);
    assertThat(shares.byId(share.link().id()).orElseThrow().downloadCount()).isEqualTo(1);
  }

  @Test
  void commandToStringHidesTokenAndPassword() {
    String text = new OpenShareCommand("secret-token", Optional.of(PASSWORD), VISITOR).toString();

    assertThat(text).doesNotContain("secret-token").doesNotContain(PASSWORD);
  }

  // inspectWithoutWaiting: only open links held in memory, so that claimDownload counts in memory.

  @Test
  void anOpenLinkHeldInMemoryIsInspectedWithoutWaitingAndItsDownloadCountedInMemory() {
    CreatedShare share = share(OptionalInt.empty(), Optional.empty());
    OpenShareCommand command = new OpenShareCommand(share.token().value(), Optional.empty(), VISITOR);
    assertThat(service.inspectWithoutWaiting(command)).isEmpty(); // nothing in memory yet
    inspect(share.token()); // reads link and file through, into the cache

    SharedFile opened = service.inspectWithoutWaiting(command).orElseThrow();
    service.claimDownload(opened);

    assertThat(opened.file()).isEqualTo(file);
    assertThat(opened.link().id()).isEqualTo(share.link().id());
    assertThat(tally.drain()).containsExactly(Map.entry(share.link().id(), 1L));
  }

  @Test
  void linksThatNeedAPasswordAnExactCountOrAnAnswerOfTheirOwnAreNotInspectedWithoutWaiting() {
    CreatedShare limited = share(OptionalInt.of(5), Optional.empty());
    CreatedShare locked = share(OptionalInt.empty(), Optional.of(PASSWORD));
    CreatedShare expiring = share(OptionalInt.empty(), Optional.empty());
    inspect(limited.token());
    inspect(locked.token(), PASSWORD, VISITOR);
    inspect(expiring.token());

    clock.advance(TTL);

    for (CreatedShare share : List.of(limited, locked, expiring)) {
      assertThat(service.inspectWithoutWaiting(new OpenShareCommand(share.token().value(), Optional.of(PASSWORD),
          VISITOR))).isEmpty();
    }
    assertThat(service.inspectWithoutWaiting(new OpenShareCommand("not a token", Optional.empty(), VISITOR))).isEmpty();
  }

  @Test
  void anOpenLinkWhoseFileIsNotInMemoryIsNotInspectedWithoutWaiting() {
    CreatedShare share = share(OptionalInt.empty(), Optional.empty());
    inspect(share.token());
    cache.evictFile(file.id());

    assertThat(service.inspectWithoutWaiting(new OpenShareCommand(share.token().value(), Optional.empty(), VISITOR)))
        .isEmpty();
  }

  private CreatedShare share(OptionalInt maxDownloads, Optional<String> password) {
    return sharing.share(new ShareFileCommand(owner, file.id(), OptionalLong.empty(), maxDownloads, password));
  }

  @Test
  void decomposedAndComposedFormsOfAPasswordBothOpenTheLink() {
    CreatedShare composed = share(OptionalInt.empty(), Optional.of("caf\u00e9-cr\u00e8me"));
    CreatedShare decomposed = share(OptionalInt.empty(), Optional.of("cafe\u0301-cre\u0300me"));

    assertThat(inspect(composed.token(), "cafe\u0301-cre\u0300me", VISITOR).file()).isEqualTo(file);
    assertThat(inspect(decomposed.token(), "caf\u00e9-cr\u00e8me", VISITOR).file()).isEqualTo(file);
    assertThatThrownBy(() -> inspect(composed.token(), "cafe-creme", VISITOR))
        .isInstanceOf(SharePasswordRejected.class);
  }

  private SharedFile inspect(ShareToken token) {
    return service.inspect(new OpenShareCommand(token.value(), Optional.empty(), VISITOR));
  }

  private SharedFile inspect(ShareToken token, String password, String address) {
    return service.inspect(new OpenShareCommand(token.value(), Optional.of(password), address));
  }

  private void guessWrong(CreatedShare share, String address, int times) {
    for (int i = 0; i < times; i++) {
      assertThatThrownBy(() -> inspect(share.token(), "wrong guess", address))
          .isInstanceOf(SharePasswordRejected.class);
    }
  }

  private static void assertGone(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Reason reason) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(ShareGone.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  private FileMetadata store() {
    FileMetadata stored = TestFiles.fileOf(owner).size(3).build();
    files.add(stored);
    blobs.put(stored.storageKey(), new byte[] {1, 2, 3});
    return stored;
  }
}
