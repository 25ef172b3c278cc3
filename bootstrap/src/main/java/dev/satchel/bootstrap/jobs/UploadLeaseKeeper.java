package dev.satchel.bootstrap.jobs;

import dev.satchel.application.upload.UploadLeases;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Renews every resumable-upload lease this replica holds, in one statement, every third of
 * {@code satchel.upload.lease}, on a thread of its own so that busy schedulers or worker pools
 * cannot make a live writer lose its lease. Runs on every replica, jobs enabled or not: the leases
 * are this replica's own. Meter: {@code satchel_upload_lease_renewal_failures_total}.
 */
@ApplicationScoped
public class UploadLeaseKeeper {
  private static final Logger LOG = Logger.getLogger(UploadLeaseKeeper.class);

  private final UploadLeases leases;
  private final Counter failures;
  private volatile Thread thread;

  public UploadLeaseKeeper(UploadLeases leases, MeterRegistry metrics) {
    this.leases = leases;
    this.failures = metrics.counter("satchel.upload.lease.renewal.failures");
  }

  void start(@Observes StartupEvent started) {
    thread = Thread.ofPlatform().daemon().name("satchel-upload-leases").start(this::renewLoop);
  }

  void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
    Thread running = thread;
    if (running != null) {
      running.interrupt();
      running.join(TimeUnit.SECONDS.toMillis(5));
    }
  }

  private void renewLoop() {
    long interval = leases.renewalInterval().toMillis();
    while (!Thread.currentThread().isInterrupted()) {
      try {
        Thread.sleep(interval);
        leases.renew();
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        // The next renewal comes a third of a lease later: one failure loses no lease.
        failures.increment();
        LOG.warnf("upload leases not renewed (%s); retrying in %d ms", e.toString(), interval);
      }
    }
  }
}
