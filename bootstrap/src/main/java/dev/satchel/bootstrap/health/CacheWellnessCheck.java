package dev.satchel.bootstrap.health;

import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/** Shows in {@code /q/health} whether the metadata cache answers. */
@Wellness
@ApplicationScoped
public class CacheWellnessCheck implements HealthCheck {
  private final CacheHealthChecks probe;

  public CacheWellnessCheck(CacheHealthChecks probe) {
    this.probe = probe;
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("metadata-cache-connection").status(probe.reachable()).withData("type", probe.type()).build();
  }
}
