package dev.satchel.bootstrap.jobs;

import dev.satchel.application.share.DownloadTally;
import dev.satchel.application.share.FlushDownloadCountsUseCase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Stores this replica's in-memory download counts of unlimited links every
 * {@code satchel.jobs.download-flush-interval} (1 s) and once more on shutdown. No lock: every
 * replica adds its own counts. Unlike the maintenance jobs it runs even with
 * {@code satchel.jobs.enabled=false}: without it the counts users read would never move. Meters: {@code satchel_download_counts_pending} (downloads not
 * stored yet), {@code satchel_download_count_flushes_total}, {@code ..._flush_failures_total} and
 * {@code satchel_download_counts_dropped_total} (links beyond the tally's bound).
 */
@ApplicationScoped
public class DownloadCountFlush {
  private static final Logger LOG = Logger.getLogger(DownloadCountFlush.class);

  private final FlushDownloadCountsUseCase flush;
  private final Counter flushes;
  private final Counter failures;

  public DownloadCountFlush(FlushDownloadCountsUseCase flush, DownloadTally tally, MeterRegistry metrics) {
    this.flush = flush;
    this.flushes = metrics.counter("satchel.download.count.flushes");
    this.failures = metrics.counter("satchel.download.count.flush.failures");
    Gauge.builder("satchel.download.counts.pending", tally, DownloadTally::pendingDownloads)
        .description("Downloads of unlimited links counted in memory and not stored yet")
        .register(metrics);
    FunctionCounter.builder("satchel.download.counts.dropped", tally, DownloadTally::dropped)
        .description("Downloads not counted because too many links had unstored counts")
        .register(metrics);
  }

  @Scheduled(identity = "flush-download-counts", every = "${satchel.jobs.download-flush-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void flushOnSchedule() {
    flushNow();
  }

  // After the HTTP server drained (shutdown delay/timeout), while the datasource is still open.
  void flushOnShutdown(@Observes ShutdownEvent stopping) {
    flushNow();
  }

  /** One flush; returns the downloads stored, 0 when none were pending or the database refused. */
  public long flushNow() {
    try {
      long stored = flush.flush();
      if (stored > 0) {
        flushes.increment();
        LOG.debugf("stored %d download(s) of unlimited links", stored);
      }
      return stored;
    } catch (RuntimeException e) {
      failures.increment();
      LOG.warnf("download counts not stored (%s); they stay pending for the next flush", e.toString());
      return 0;
    }
  }
}
