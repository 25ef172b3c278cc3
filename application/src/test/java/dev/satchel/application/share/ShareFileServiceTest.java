package dev.satchel.application.share;

import dev.satchel.domain.event.EventType;
import java.util.Map;
import dev.satchel.domain.testing.InMemoryEventOutbox;
import dev.satchel.application.event.EventRecorder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.satchel.domain.error.FileNotFound;
import dev.satchel.domain.error.InvalidInput;
import dev.satchel.domain.file.FileId;
import dev.satchel.domain.file.FileMetadata;
import dev.satchel.domain.share.ShareLink;
import dev.satchel.domain.testing.DirectTransactionBoundary;
import dev.satchel.domain.testing.FakePasswordHasher;
import dev.satchel.domain.testing.InMemoryFileMetadataRepository;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShareFileServiceTest {
  private static final Duration DEFAULT_TTL = Duration.ofDays(7);
  private static final Duration MAX_TTL = Duration.ofDays(30);

  private final MutableClock clock = MutableClock.at("2025-06-01T12:00:00Z");
  private final InMemoryEventOutbox outbox = new InMemoryEventOutbox();
  private final EventRecorder events = new EventRecorder(outbox, new SequentialIdGenerator(), clock);
  private final InMemoryShareLinkRepository shares = new InMemoryShareLinkRepository();
  private final InMemoryFileMetadataRepository files = new InMemoryFileMetadataRepository(shares::pointsTo);
  private final FakePasswordHasher hasher = new FakePasswordHasher();
  private final DirectTransactionBoundary tx = new DirectTransactionBoundary();
  private final ShareFileService service = new ShareFileService(
      files, shares, hasher, new SequentialIdGenerator(),
      new SecureRandom(), clock, tx, new SharePolicy(DEFAULT_TTL, MAX_TTL), events);
  private final UserId owner = TestFiles.newUser();
  private final FileMetadata file = store(owner);

  @Test
  void linkWithoutOptionsGetsTheDefaultLifetimeAndNoLimits() {
    ShareLink link = service.share(command(OptionalLong.empty(), OptionalInt.empty(), Optional.empty())).link();

    assertThat(link.fileId()).isEqualTo(file.id());
    assertThat(link.owner()).isEqualTo(owner);
    assertThat(link.createdAt()).isEqualTo(clock.instant());
    assertThat(link.expiresAt()).isEqualTo(clock.instant().plus(DEFAULT_TTL));
    assertThat(link.maxDownloads()).isEmpty();
    assertThat(link.downloadCount()).isZero();
    assertThat(link.passwordHash()).isEmpty();
    assertThat(outbox.all()).singleElement().satisfies(event -> {
      assertThat(event.type()).isEqualTo(EventType.SHARE_CREATED);
      assertThat(event.data()).containsExactly(Map.entry("share_id", link.id().toString()),
          Map.entry("file_id", file.id().toString()), Map.entry("expires_at", link.expiresAt().toString()));
    });
    assertThat(link.revokedAt()).isEmpty();
  }

  @Test
  void requestedLifetimeIsHonoured() {
    ShareLink link = service.share(command(OptionalLong.of(3600), OptionalInt.empty(), Optional.empty())).link();

    assertThat(link.expiresAt()).isEqualTo(clock.instant().plusSeconds(3600));
  }

  @Test
  void lifetimeOfExactlyTheMaximumIsAccepted() {
    ShareLink link = service.share(
        command(OptionalLong.of(MAX_TTL.toSeconds()), OptionalInt.empty(), Optional.empty())).link();

    assertThat(link.expiresAt()).isEqualTo(clock.instant().plus(MAX_TTL));
  }

  @ParameterizedTest
  @ValueSource(longs = {0, -1, Long.MIN_VALUE, 30 * 24 * 3600 + 1, Long.MAX_VALUE})
  void lifetimeOutsideOneSecondToTheMaximumIsInvalidExpiresIn(long seconds) {
    assertThatThrownBy(() -> service.share(command(OptionalLong.of(seconds), OptionalInt.empty(), Optional.empty())))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("expires_in"));
    assertThat(shares.pointsTo(file.id())).isFalse();
  }

  @Test
  void downloadLimitIsStored() {
    ShareLink link = service.share(command(OptionalLong.empty(), OptionalInt.of(1), Optional.empty())).link();

    assertThat(link.maxDownloads()).hasValue(1);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
  void downloadLimitBelowOneIsInvalidMaxDownloads(int maxDownloads) {
    assertThatThrownBy(() -> service.share(command(OptionalLong.empty(), OptionalInt.of(maxDownloads), Optional.empty())))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("max_downloads"));
    assertThat(shares.pointsTo(file.id())).isFalse();
  }

  @Test
  void linkPasswordIsStoredOnlyAsAHash() {
    ShareLink link = service.share(command(OptionalLong.empty(), OptionalInt.empty(), Optional.of("open sesame"))).link();

    assertThat(link.isPasswordProtected()).isTrue();
    assertThat(link.passwordHash().orElseThrow().encoded()).doesNotContain("open sesame");
    assertThat(hasher.verify("open sesame", link.passwordHash().orElseThrow())).isTrue();
  }

  @Test
  void tooShortLinkPasswordIsInvalidPassword() {
    assertThatThrownBy(() -> service.share(command(OptionalLong.empty(), OptionalInt.empty(), Optional.of("short"))))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("password"));
    assertThat(shares.pointsTo(file.id())).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"pass\r\nword", "pass\u0000word", " leading-space", "trailing-space ", "lone\uD800half"})
  void linkPasswordThatNoClientCouldSendInAHeaderIsInvalidPassword(String password) {
    assertThatThrownBy(() -> service.share(command(OptionalLong.empty(), OptionalInt.empty(), Optional.of(password))))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("password"));
    assertThat(shares.pointsTo(file.id())).isFalse();
  }

  @Test
  void linkPasswordIsHashedInItsComposedForm() {
    ShareLink link = service.share(command(OptionalLong.empty(), OptionalInt.empty(), Optional.of("cafe\u0301-secret"))).link();

    assertThat(hasher.verify("caf\u00e9-secret", link.passwordHash().orElseThrow())).isTrue();
  }

  @Test
  void onlyTheTokensHashIsStored() {
    CreatedShare created = service.share(command(OptionalLong.empty(), OptionalInt.empty(), Optional.empty()));

    ShareLink stored = shares.findByTokenHash(created.token().hash()).orElseThrow();
    assertThat(stored).isEqualTo(created.link());
    assertThat(stored.tokenHash()).isEqualTo(created.token().hash());
    assertThat(stored.toString()).doesNotContain(created.token().value());
    assertThat(created.token().value()).hasSize(43);
  }

  @Test
  void everyLinkGetsItsOwnToken() {
    CreatedShare first = service.share(command(OptionalLong.empty(), OptionalInt.empty(), Optional.empty()));
    CreatedShare second = service.share(command(OptionalLong.empty(), OptionalInt.empty(), Optional.empty()));

    assertThat(first.token().value()).isNotEqualTo(second.token().value());
    assertThat(first.link().id()).isNotEqualTo(second.link().id());
    assertThat(shares.listForFile(file.id(), owner)).hasSize(2);
  }

  @Test
  void anotherUsersFileCannotBeShared() {
    UserId stranger = TestFiles.newUser();

    assertThatThrownBy(() -> service.share(new ShareFileCommand(stranger, file.id(), OptionalLong.empty(),
        OptionalInt.empty(), Optional.empty()))).isInstanceOf(FileNotFound.class);
    assertThat(shares.pointsTo(file.id())).isFalse();
  }

  @Test
  void deletedFileCannotBeShared() {
    files.markDeleted(file.id(), owner, clock.instant());

    assertThatThrownBy(() -> service.share(command(OptionalLong.empty(), OptionalInt.empty(), Optional.empty())))
        .isInstanceOf(FileNotFound.class);
  }

  @Test
  void unknownFileCannotBeShared() {
    assertThatThrownBy(() -> service.share(new ShareFileCommand(owner, new FileId(UUID.randomUUID()),
        OptionalLong.empty(), OptionalInt.empty(), Optional.empty()))).isInstanceOf(FileNotFound.class);
  }

  @Test
  void commandToStringHidesThePassword() {
    assertThat(command(OptionalLong.empty(), OptionalInt.empty(), Optional.of("open sesame")).toString())
        .doesNotContain("open sesame");
  }

  private ShareFileCommand command(OptionalLong expiresIn, OptionalInt maxDownloads, Optional<String> password) {
    return new ShareFileCommand(owner, file.id(), expiresIn, maxDownloads, password);
  }

  private FileMetadata store(UserId fileOwner) {
    FileMetadata stored = TestFiles.fileOf(fileOwner).build();
    files.add(stored);
    return stored;
  }
}
