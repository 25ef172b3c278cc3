package dev.satchel.application.share;

import dev.satchel.domain.share.ShareId;
import dev.satchel.domain.share.ShareLinkRepository;
import dev.satchel.domain.tx.TransactionBoundary;
import java.util.Map;

/**
 * Moves the in-memory download counts of unlimited links to the database in one statement per
 * flush; a failed flush puts its counts back, so a database outage delays counts but loses none.
 * Every replica flushes its own tally: the additions commute, so no lock is needed.
 */
public final class FlushDownloadCountsService implements FlushDownloadCountsUseCase {
  private final DownloadTally tally;
  private final ShareLinkRepository shares;
  private final TransactionBoundary tx;

  public FlushDownloadCountsService(DownloadTally tally, ShareLinkRepository shares, TransactionBoundary tx) {
    this.tally = tally;
    this.shares = shares;
    this.tx = tx;
  }

  @Override
  public long flush() {
    Map<ShareId, Long> batch = tally.drain();
    if (batch.isEmpty()) {
      return 0;
    }
    try {
      tx.inTransaction(() -> shares.addDownloads(batch));
    } catch (RuntimeException notStored) {
      tally.restore(batch);
      throw notStored;
    }
    return batch.values().stream().mapToLong(Long::longValue).sum();
  }
}
