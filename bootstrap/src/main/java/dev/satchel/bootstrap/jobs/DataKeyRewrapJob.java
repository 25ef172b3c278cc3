package dev.satchel.bootstrap.jobs;

import dev.satchel.adapters.persistence.lock.PostgresAdvisoryLock;
import dev.satchel.adapters.storage.crypto.DataKeyRotation;
import dev.satchel.bootstrap.encryption.EncryptionAtRest;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.OptionalInt;
import org.jboss.logging.Logger;

/**
 * Key rotation: re-wraps the data keys still wrapped by an older key-encryption key onto the
 * active one, never rewriting a blob. Runs under a cluster-wide advisory lock like the maintenance
 * jobs, so one replica does it; its log line counts rows, never names or shows key material
 * beyond the configured ids.
 */
@ApplicationScoped
public class DataKeyRewrapJob {
  private static final Logger LOG = Logger.getLogger(DataKeyRewrapJob.class);
  private static final int BATCH = 500;

  private final EncryptionAtRest encryption;
  private final PostgresAdvisoryLock lock;

  public DataKeyRewrapJob(EncryptionAtRest encryption, PostgresAdvisoryLock lock) {
    this.encryption = encryption;
    this.lock = lock;
  }

  @Scheduled(identity = "rewrap-data-keys", every = "${satchel.encryption.rewrap-interval}", delayed = "2m",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = JobsDisabled.class)
  void rewrapOnSchedule() {
    rewrapDataKeys();
  }

  /**
   * One run.
   *
   * @return the number of data keys re-wrapped; empty when encryption is off or another replica
   *     holds the lock
   */
  public OptionalInt rewrapDataKeys() {
    if (encryption.keys().isEmpty()) {
      return OptionalInt.empty();
    }
    DataKeyRotation rotation = new DataKeyRotation(encryption.keys().get(), encryption.dataKeys());
    try {
      return lock.runExclusively(JobLock.REWRAP_DATA_KEYS.key, () -> {
        DataKeyRotation.Result result = rotation.rewrapAll(BATCH);
        LOG.infof("job rewrap-data-keys re-wrapped %d data key(s); %d left under keys not configured",
            result.rewrapped(), result.unavailable());
        return result.rewrapped();
      });
    } catch (RuntimeException e) {
      LOG.warnf("job rewrap-data-keys failed (%s); it runs again at its next interval", e.getClass().getSimpleName());
      return OptionalInt.empty();
    }
  }
}
