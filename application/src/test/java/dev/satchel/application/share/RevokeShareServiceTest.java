package dev.satchel.application.share;

import dev.satchel.domain.event.EventType;
import java.util.Map;
import dev.satchel.domain.testing.SequentialIdGenerator;
import dev.satchel.domain.testing.InMemoryEventOutbox;
import dev.satchel.application.event.EventRecorder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.satchel.domain.error.ShareNotFound;
import dev.satchel.domain.file.FileId;
import dev.satchel.domain.share.ShareId;
import dev.satchel.domain.share.ShareLink;
import dev.satchel.domain.share.ShareToken;
import dev.satchel.domain.testing.DirectTransactionBoundary;
import dev.satchel.domain.testing.InMemoryMetadataCache;
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

class RevokeShareServiceTest {
  private final MutableClock clock = MutableClock.at("2025-06-01T12:00:00Z");
  private final InMemoryEventOutbox outbox = new InMemoryEventOutbox();
  private final EventRecorder events = new EventRecorder(outbox, new SequentialIdGenerator(), clock);
  private final InMemoryShareLinkRepository shares = new InMemoryShareLinkRepository();
  private final InMemoryMetadataCache cache = new InMemoryMetadataCache();
  private final RevokeShareService service =
      new RevokeShareService(shares, cache, clock, new DirectTransactionBoundary(), events);
  private final UserId owner = TestFiles.newUser();
  private final ShareLink link = storeCachedLink(owner);

  @Test
  void ownerRevokesTheLinkAtTheClocksTime() {
    clock.advance(Duration.ofMinutes(5));
    Instant now = clock.instant();

    service.revoke(owner, link.id());

    assertThat(shares.byId(link.id()).orElseThrow().revokedAt()).contains(now);
  }

  @Test
  void revokingRecordsOneEventEvenWhenRepeated() {
    service.revoke(owner, link.id());
    service.revoke(owner, link.id());

    assertThat(outbox.all()).singleElement().satisfies(event -> {
      assertThat(event.type()).isEqualTo(EventType.SHARE_REVOKED);
      assertThat(event.data()).containsExactly(
          Map.entry("share_id", link.id().toString()), Map.entry("file_id", link.fileId().toString()));
    });
  }

  @Test
  void revokingEvictsTheCachedLink() {
    service.revoke(owner, link.id());

    assertThat(cache.share(link.tokenHash())).isEmpty();
  }

  @Test
  void anotherUserIsToldTheLinkDoesNotExistAndNothingChanges() {
    assertThatThrownBy(() -> service.revoke(TestFiles.newUser(), link.id())).isInstanceOf(ShareNotFound.class);

    assertThat(shares.byId(link.id()).orElseThrow().revokedAt()).isEmpty();
    assertThat(cache.share(link.tokenHash())).contains(link);
    assertThat(outbox.all()).isEmpty();
  }

  @Test
  void unknownLinkIsNotFound() {
    assertThatThrownBy(() -> service.revoke(owner, new ShareId(UUID.randomUUID()))).isInstanceOf(ShareNotFound.class);
  }

  @Test
  void revokingTwiceKeepsTheFirstRevocationTime() {
    Instant first = clock.instant();
    service.revoke(owner, link.id());
    clock.advance(Duration.ofHours(1));

    assertThatCode(() -> service.revoke(owner, link.id())).doesNotThrowAnyException();
    assertThat(shares.byId(link.id()).orElseThrow().revokedAt()).contains(first);
  }

  private ShareLink storeCachedLink(UserId linkOwner) {
    ShareLink stored = new ShareLink(new ShareId(UUID.randomUUID()), new FileId(UUID.randomUUID()), linkOwner,
        ShareToken.random(new SecureRandom()).hash(), clock.instant(), clock.instant().plus(Duration.ofDays(7)),
        OptionalInt.empty(), 0, Optional.empty(), Optional.empty());
    shares.add(stored);
    cache.putShare(stored);
    return stored;
  }
}
