package dev.satchel.bootstrap.jobs;

import dev.satchel.adapters.persistence.lock.PostgresAdvisoryLock;
import dev.satchel.application.job.PurgeDeadSharesUseCase;
import dev.satchel.application.job.PurgeOldEventsUseCase;
import dev.satchel.application.webhook.PurgeWebhookDeliveriesUseCase;
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
 * The background jobs: purge dead share links, sweep orphan blobs, remove expired resumable uploads, and
 * purge events past their retention and finished webhook deliveries past theirs. Each run takes a cluster-
 * wide advisory lock, so with several replicas exactly one does the work; each run records its
 * duration and the items it removed, and logs one line.
 */
@ApplicationScoped
public class MaintenanceJobs {
  private static final Logger LOG = Logger.getLogger(MaintenanceJobs.class);
  private final PurgeDeadSharesUseCase purge;
  private final SweepOrphanBlobsUseCase sweep;
  private final ExpireUploadsUseCase expireUploads;
  private final PurgeOldEventsUseCase purgeEvents;
  private final PurgeWebhookDeliveriesUseCase purgeDeliveries;
  private final PostgresAdvisoryLock lock;
  private final MeterRegistry metrics;

  public MaintenanceJobs(
      PurgeDeadSharesUseCase purge, SweepOrphanBlobsUseCase sweep, ExpireUploadsUseCase expireUploads,
      PurgeOldEventsUseCase purgeEvents, PurgeWebhookDeliveriesUseCase purgeDeliveries,
      PostgresAdvisoryLock lock, MeterRegistry metrics) {
    this.purge = purge;
    this.sweep = sweep;
    this.expireUploads = expireUploads;
    this.purgeEvents = purgeEvents;
    this.purgeDeliveries = purgeDeliveries;
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
    return run("expire-uploads", JobLock.EXPIRE_UPLOADS, expireUploads::expire);
  }

  @Scheduled(identity = "purge-old-events", every = "${satchel.jobs.purge-interval}", delayed = "2m",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = JobsDisabled.class)
  void purgeEventsOnSchedule() {
    purgeOldEvents();
  }

  @Scheduled(identity = "purge-webhook-deliveries", every = "${satchel.jobs.purge-interval}", delayed = "3m",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = JobsDisabled.class)
  void purgeWebhookDeliveriesOnSchedule() {
    purgeWebhookDeliveries();
  }

  /** One run of the webhook delivery log purge; empty when another replica is running it. */
  public OptionalInt purgeWebhookDeliveries() {
    return run("purge-webhook-deliveries", JobLock.PURGE_WEBHOOK_DELIVERIES, purgeDeliveries::purge);
  }

  /** One run of the event retention purge; empty when another replica is running it. */
  public OptionalInt purgeOldEvents() {
    return run("purge-old-events", JobLock.PURGE_OLD_EVENTS, purgeEvents::purge);
  }

  /** One purge run; empty when another replica is running it. */
  public OptionalInt purgeDeadShares() {
    return run("purge-dead-shares", JobLock.PURGE_DEAD_SHARES, purge::purge);
  }

  /** One sweep run; empty when another replica is running it. */
  public OptionalInt sweepOrphanBlobs() {
    return run("sweep-orphan-blobs", JobLock.SWEEP_ORPHAN_BLOBS, sweep::sweep);
  }

  /** Runs one job under its lock; empty when another replica holds it. */
  OptionalInt run(String job, JobLock jobLock, IntSupplier work) {
    Timer.Sample sample = Timer.start(metrics);
    try {
      OptionalInt removed = lock.runExclusively(jobLock.key, work);
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
