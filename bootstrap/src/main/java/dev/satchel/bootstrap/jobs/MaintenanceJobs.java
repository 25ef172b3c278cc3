package dev.satchel.bootstrap.jobs;

import dev.satchel.adapters.persistence.lock.PostgresAdvisoryLock;
import dev.satchel.application.job.PurgeDeadSharesUseCase;
import dev.satchel.application.job.SweepOrphanBlobsUseCase;
import dev.satchel.application.upload.ExpireUploadsUseCase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.OptionalInt;
import java.util.function.IntSupplier;
import org.jboss.logging.Logger;

/**
 * The background jobs: purge dead share links, sweep orphan blobs and remove expired resumable uploads. Each run takes a cluster-
 * wide advisory lock, so with several replicas exactly one does the work; each run records its
 * duration and the items it removed, and logs one line.
 */
@ApplicationScoped
public class MaintenanceJobs {
  private static final Logger LOG = Logger.getLogger(MaintenanceJobs.class);
  static final long PURGE_LOCK = 0x5A7C_4E10_0001L;
  static final long SWEEP_LOCK = 0x5A7C_4E10_0002L;
  static final long EXPIRE_UPLOADS_LOCK = 0x5A7C_4E10_0005L;

  private final PurgeDeadSharesUseCase purge;
  private final SweepOrphanBlobsUseCase sweep;
  private final ExpireUploadsUseCase expireUploads;
  private final PostgresAdvisoryLock lock;
  private final MeterRegistry metrics;

  public MaintenanceJobs(
      PurgeDeadSharesUseCase purge, SweepOrphanBlobsUseCase sweep, ExpireUploadsUseCase expireUploads,
      PostgresAdvisoryLock lock, MeterRegistry metrics) {
    this.purge = purge;
    this.sweep = sweep;
    this.expireUploads = expireUploads;
    this.lock = lock;
    this.metrics = metrics;
  }

  @Scheduled(identity = "purge-dead-shares", every = "${satchel.jobs.purge-interval}", delayed = "1m",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = JobsDisabled.class)
  void purgeOnSchedule() {
    purgeDeadShares();
  }

  @Scheduled(identity = "sweep-orphan-blobs", every = "${satchel.jobs.sweep-interval}", delayed = "5m",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = JobsDisabled.class)
  void sweepOnSchedule() {
    sweepOrphanBlobs();
  }

  @Scheduled(identity = "expire-uploads", every = "${satchel.jobs.expire-uploads-interval}", delayed = "2m",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = JobsDisabled.class)
  void expireUploadsOnSchedule() {
    expireUploads();
  }

  /** One run removing expired resumable uploads; empty when another replica is running it. */
  public OptionalInt expireUploads() {
    return run("expire-uploads", EXPIRE_UPLOADS_LOCK, expireUploads::expire);
  }

  /** One purge run; empty when another replica is running it. */
  public OptionalInt purgeDeadShares() {
    return run("purge-dead-shares", PURGE_LOCK, purge::purge);
  }

  /** One sweep run; empty when another replica is running it. */
  public OptionalInt sweepOrphanBlobs() {
    return run("sweep-orphan-blobs", SWEEP_LOCK, sweep::sweep);
  }

  /** Runs one job under its lock; empty when another replica holds it. */
  OptionalInt run(String job, long lockKey, IntSupplier work) {
    Timer.Sample sample = Timer.start(metrics);
    try {
      OptionalInt removed = lock.runExclusively(lockKey, work);
      if (removed.isPresent()) {
        long nanos = sample.stop(metrics.timer("satchel.job.duration", "job", job));
        metrics.counter("satchel.job.removed", "job", job).increment(removed.getAsInt());
        LOG.infof("job %s removed %d item(s) in %d ms", job, removed.getAsInt(), nanos / 1_000_000);
      } else {
        LOG.debugf("job %s skipped: another replica holds its lock", job);
      }
      return removed;
    } catch (RuntimeException e) {
      metrics.counter("satchel.job.failures", "job", job).increment();
      LOG.warnf(e, "job %s failed; it runs again at its next interval", job);
      return OptionalInt.empty();
    }
  }
}
