package dev.satchel.application.share;

import dev.satchel.domain.share.ShareId;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This replica's downloads of unlimited links that the database does not know yet: counted in
 * memory on the request path and taken out in batches by {@link FlushDownloadCountsService}.
 *
 * <p>Each count is a {@code Long} updated with {@link ConcurrentHashMap#merge}, and a drain takes
 * each entry with {@link ConcurrentHashMap#remove}: both are atomic per key, so a download recorded
 * while a drain runs lands either in that drain or in the next, never in both and never nowhere
 * (a {@code LongAdder} could not be removed from the map without losing an increment racing the
 * removal). At most {@code maxLinks} links are pending; downloads of further links are dropped and
 * counted in {@link #dropped()} — the count is informational, memory during a long database outage
 * is not.
 */
public final class DownloadTally {
  private final ConcurrentHashMap<ShareId, Long> pending = new ConcurrentHashMap<>();
  private final AtomicLong dropped = new AtomicLong();
  private final int maxLinks;

  /** @param maxLinks how many distinct links may have pending counts (&gt; 0) */
  public DownloadTally(int maxLinks) {
    if (maxLinks <= 0) {
      throw new IllegalArgumentException("maxLinks must be positive: " + maxLinks);
    }
    this.maxLinks = maxLinks;
  }

  /** Counts one download of the link; never blocks on I/O. */
  public void record(ShareId link) {
    add(link, 1);
  }

  /**
   * Takes every pending count out of the tally; downloads recorded meanwhile stay for the next
   * drain.
   *
   * @return link to downloads (each &gt; 0); empty when nothing is pending
   */
  public Map<ShareId, Long> drain() {
    Map<ShareId, Long> batch = new HashMap<>();
    for (ShareId link : pending.keySet()) {
      Long count = pending.remove(link);
      if (count != null) {
        // A weakly consistent iteration may meet a link again after a concurrent record put it
        // back: add, never overwrite, or the first part of its count is lost.
        batch.merge(link, count, Long::sum);
      }
    }
    return batch;
  }

  /**
   * Puts a drained batch back, added to what was recorded since, when it could not be stored. It
   * skips the bound: the batch was already counted within it, so the map holds at most
   * {@code 2 * maxLinks} links, and nothing already counted is dropped by an outage.
   */
  public void restore(Map<ShareId, Long> batch) {
    batch.forEach((link, count) -> pending.merge(link, count, Long::sum));
  }

  /** Downloads recorded and not drained yet, over all links. */
  public long pendingDownloads() {
    return pending.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Downloads not counted because {@code maxLinks} links were already pending. */
  public long dropped() {
    return dropped.get();
  }

  private void add(ShareId link, long count) {
    // The bound is checked loosely (parallel first downloads may pass it by a few links).
    if (!pending.containsKey(link) && pending.size() >= maxLinks) {
      dropped.addAndGet(count);
      return;
    }
    pending.merge(link, count, Long::sum);
  }
}
