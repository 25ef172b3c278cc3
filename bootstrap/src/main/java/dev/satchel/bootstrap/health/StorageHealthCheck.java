package dev.satchel.bootstrap.health;

import dev.satchel.bootstrap.config.SatchelConfig;
import dev.satchel.domain.storage.BlobStorage;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.OptionalLong;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Reports whether the configured blob store answers and, where it can tell (local disk), its free
 * space in bytes, turning DOWN below {@code satchel.storage.local.min-free-space}. A wellness
 * check, not readiness: with storage down or full, metadata stays readable, so Satchel stays in
 * service.
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
    HealthCheckResponseBuilder answer = HealthCheckResponse.named("blob-storage")
        .withData("type", config.storage().type().name().toLowerCase(Locale.ROOT));
    boolean up = blobs.isReachable();
    OptionalLong free = blobs.freeBytes();
    if (free.isPresent()) {
      long minimum = config.storage().local().minFreeSpace().asLongValue();
      answer.withData("free-bytes", free.getAsLong()).withData("min-free-bytes", minimum);
      up &= free.getAsLong() >= minimum;
    }
    return answer.status(up).build();
  }
}
