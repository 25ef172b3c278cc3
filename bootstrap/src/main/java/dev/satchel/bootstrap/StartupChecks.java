package dev.satchel.bootstrap;

import dev.satchel.domain.storage.BlobStorage;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import javax.crypto.SecretKey;
import org.jboss.logging.Logger;

/**
 * Resolves the configuration-dependent beans at start, so that a missing signing key or a bad
 * storage setting stops the service with a clear message instead of failing its first request.
 */
public class StartupChecks {
  private static final Logger LOG = Logger.getLogger(StartupChecks.class);

  void onStart(@Observes StartupEvent event, SecretKey signingKey, BlobStorage blobs) {
    LOG.infof("Satchel ready: storage %s", blobs.getClass().getSimpleName());
  }
}
