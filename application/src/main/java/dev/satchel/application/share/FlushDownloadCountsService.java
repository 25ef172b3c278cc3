package dev.satchel.application.share;

import dev.satchel.application.event.EventRecorder;
import dev.satchel.domain.share.ShareId;
import dev.satchel.domain.share.ShareLinkRepository;
import dev.satchel.domain.tx.TransactionBoundary;
import java.util.Map;

/**
 * Moves the in-memory download counts of unlimited links to the database in one statement per
 * flush, with one {@code share.downloaded} event per download in the same transaction; a failed flush puts its counts back, so a database outage delays counts but loses none.
 * Every replica flushes its own tally: the additions commute, so no lock is needed.
 */
public final class FlushDownloadCountsService implements FlushDownloadCountsUseCase {
  private final DownloadTally tally;
  private final ShareLinkRepository shares;
  private final TransactionBoundary tx;
  private final EventRecorder events;

  public FlushDownloadCountsService(
      DownloadTally tally, ShareLinkRepository shares, TransactionBoundary tx, EventRecorder events) {
    this.tally = tally;
    this.shares = shares;
    this.tx = tx;
    this.events = events;
  }

  @Override
  public long flush() {
    Map<ShareId, Long> batch = tally.drain();
    if (batch.isEmpty()) {
      return 0;
    }
    try {
      tx.inTransaction(() -> events.sharesDownloaded(shares.addDownloads(batch), batch));
    } catch (RuntimeException notStored) {
      tally.restore(batch);
      throw notStored;
    }
    return batch.values().stream().mapToLong(Long::longValue).sum();
  }
}
