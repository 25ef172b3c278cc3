package dev.satchel.bootstrap.health;

import dev.satchel.bootstrap.config.SatchelConfig;
import dev.satchel.domain.storage.BlobStorage;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Reports whether the configured blob store answers. A wellness check, not readiness: with
 * storage down, metadata stays readable, so Satchel stays in service.
 */
@Wellness
@ApplicationScoped
public class StorageHealthCheck implements HealthCheck {
  private final BlobStorage blobs;
  private final SatchelConfig config;

  public StorageHealthCheck(BlobStorage blobs, SatchelConfig config) {
    this.blobs = blobs;
    this.config = config;
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("blob-storage")
        .status(blobs.isReachable())
        .withData("type", config.storage().type().name().toLowerCase(java.util.Locale.ROOT))
        .build();
  }
}
