package dev.satchel.application.share;

import dev.satchel.domain.event.EventType;
import dev.satchel.domain.testing.SequentialIdGenerator;
import dev.satchel.domain.testing.InMemoryEventOutbox;
import dev.satchel.application.event.EventRecorder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.satchel.domain.share.ShareId;
import dev.satchel.domain.share.ShareLink;
import dev.satchel.domain.share.ShareToken;
import dev.satchel.domain.testing.DirectTransactionBoundary;
import dev.satchel.domain.testing.InMemoryShareLinkRepository;
import dev.satchel.domain.testing.TestFiles;
import dev.satchel.domain.file.FileId;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FlushDownloadCountsServiceTest {
  private static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");

  /** The database as seen by a flush: it can be cut, and it counts the statements it ran. */
  private static final class Database extends InMemoryShareLinkRepository {
    boolean down;
    int statements;

    @Override
    public synchronized List<ShareLink> addDownloads(Map<ShareId, Long> counts) {
      if (down) {
        throw new IllegalStateException("connection refused");
      }
      statements++;
      return super.addDownloads(counts);
    }
  }

  private final Database shares = new Database();
  private final InMemoryEventOutbox outbox = new InMemoryEventOutbox();
  private final EventRecorder events = new EventRecorder(outbox, new SequentialIdGenerator(), Clock.fixed(T0, ZoneOffset.UTC));
  private final DownloadTally tally = new DownloadTally(100);
  private final FlushDownloadCountsService flush =
      new FlushDownloadCountsService(tally, shares, new DirectTransactionBoundary(), events);

  @Test
  void flushAddsEveryPendingCountInOneStatement() {
    ShareLink a = link();
    ShareLink b = link();
    for (int i = 0; i < 5; i++) {
      tally.record(a.id());
    }
    tally.record(b.id());

    assertThat(flush.flush()).isEqualTo(6);

    assertThat(shares.statements).isEqualTo(1);
    assertThat(count(a)).isEqualTo(5);
    assertThat(outbox.all()).allMatch(e -> e.type() == EventType.SHARE_DOWNLOADED);
    assertThat(outbox.all()).filteredOn(e -> e.data().get("share_id").equals(a.id().toString()))
        .extracting(e -> e.data().get("download_count")).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(outbox.all()).filteredOn(e -> e.data().get("share_id").equals(b.id().toString()))
        .extracting(e -> e.data().get("download_count")).containsExactly(1L);
    assertThat(count(b)).isEqualTo(1);
    assertThat(tally.pendingDownloads()).isZero();
  }

  @Test
  void nothingPendingTouchesNoDatabase() {
    assertThat(flush.flush()).isZero();
    assertThat(shares.statements).isZero();
  }

  @Test
  void failedFlushKeepsItsCountsForTheNextOne() {
    ShareLink a = link();
    tally.record(a.id());
    tally.record(a.id());
    shares.down = true;

    assertThatThrownBy(flush::flush).hasMessageContaining("connection refused");
    assertThat(outbox.all()).isEmpty();
    tally.record(a.id());
    assertThat(tally.pendingDownloads()).isEqualTo(3);

    shares.down = false;
    assertThat(flush.flush()).isEqualTo(3);
    assertThat(count(a)).isEqualTo(3);
  }

  @Test
  void countsOfAPurgedLinkAreFlushedAwayWithoutFailing() {
    ShareLink kept = link();
    tally.record(kept.id());
    tally.record(new ShareId(UUID.randomUUID()));

    assertThat(flush.flush()).isEqualTo(2);
    assertThat(count(kept)).isEqualTo(1);
    assertThat(tally.pendingDownloads()).isZero();
  }

  private ShareLink link() {
    ShareLink link = new ShareLink(new ShareId(UUID.randomUUID()), new FileId(UUID.randomUUID()), TestFiles.newUser(),
        ShareToken.random(new SecureRandom()).hash(), T0, T0.plus(Duration.ofDays(7)), OptionalInt.empty(), 0,
        Optional.empty(), Optional.empty());
    shares.add(link);
    return link;
  }

  private int count(ShareLink link) {
    return shares.byId(link.id()).orElseThrow().downloadCount();
  }
}
