package dev.satchel.domain.share;

import static org.assertj.core.api.Assertions.assertThat;

import dev.satchel.domain.error.ShareGone.Reason;
import dev.satchel.domain.file.FileId;
import dev.satchel.domain.user.PasswordHash;
import dev.satchel.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ShareLinkTest {
  private static final Instant CREATED = Instant.parse("2025-06-01T12:00:00Z");
  private static final Instant EXPIRES = CREATED.plus(Duration.ofDays(7));
  private static final Instant MIDWAY = CREATED.plus(Duration.ofDays(1));

  @Test
  void freshLinkIsUsable() {
    assertThat(link(OptionalInt.empty(), 0, Optional.empty()).unusableReason(MIDWAY)).isEmpty();
  }

  @Test
  void linkIsUsableUntilJustBeforeItsExpiry() {
    assertThat(link(OptionalInt.empty(), 0, Optional.empty()).unusableReason(EXPIRES.minusNanos(1))).isEmpty();
  }

  @Test
  void linkIsExpiredExactlyAtItsExpiry() {
    assertThat(link(OptionalInt.empty(), 0, Optional.empty()).unusableReason(EXPIRES)).contains(Reason.EXPIRED);
  }

  @Test
  void linkIsExpiredAfterItsExpiry() {
    assertThat(link(OptionalInt.empty(), 0, Optional.empty()).unusableReason(EXPIRES.plusSeconds(1)))
        .contains(Reason.EXPIRED);
  }

  @Test
  void linkBelowItsDownloadLimitIsUsable() {
    assertThat(link(OptionalInt.of(3), 2, Optional.empty()).unusableReason(MIDWAY)).isEmpty();
  }

  @Test
  void linkAtItsDownloadLimitIsExhausted() {
    assertThat(link(OptionalInt.of(3), 3, Optional.empty()).unusableReason(MIDWAY)).contains(Reason.EXHAUSTED);
  }

  @Test
  void linkWithoutALimitNeverRunsOut() {
    assertThat(link(OptionalInt.empty(), 1_000_000, Optional.empty()).unusableReason(MIDWAY)).isEmpty();
  }

  @Test
  void revokedLinkIsRevoked() {
    assertThat(link(OptionalInt.empty(), 0, Optional.of(MIDWAY)).unusableReason(MIDWAY.plusSeconds(1)))
        .contains(Reason.REVOKED);
  }

  @Test
  void revokedWinsOverExpiredAndExhausted() {
    ShareLink everythingWrong = link(OptionalInt.of(1), 1, Optional.of(MIDWAY));

    assertThat(everythingWrong.unusableReason(EXPIRES.plusSeconds(1))).contains(Reason.REVOKED);
  }

  @Test
  void expiredWinsOverExhausted() {
    ShareLink expiredAndExhausted = link(OptionalInt.of(1), 1, Optional.empty());

    assertThat(expiredAndExhausted.unusableReason(EXPIRES)).contains(Reason.EXPIRED);
  }

  @Test
  void passwordProtectionFollowsThePresenceOfAHash() {
    ShareLink open = link(OptionalInt.empty(), 0, Optional.empty());
    ShareLink locked = new ShareLink(open.id(), open.fileId(), open.owner(), open.tokenHash(), CREATED, EXPIRES,
        OptionalInt.empty(), 0, Optional.of(new PasswordHash("x")), Optional.empty());

    assertThat(open.isPasswordProtected()).isFalse();
    assertThat(locked.isPasswordProtected()).isTrue();
  }

  private static ShareLink link(OptionalInt maxDownloads, int downloads, Optional<Instant> revokedAt) {
    return new ShareLink(new ShareId(UUID.randomUUID()), new FileId(UUID.randomUUID()), new UserId(UUID.randomUUID()),
        new ShareToken("token").hash(), CREATED, EXPIRES, maxDownloads, downloads, Optional.empty(), revokedAt);
  }
}
