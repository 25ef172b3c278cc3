package dev.satchel.bootstrap.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Part of readiness but always UP: without its cache Satchel serves from PostgreSQL, so it stays
 * in service and only reports itself degraded.
 */
@Readiness
@ApplicationScoped
public class CacheReadinessCheck implements HealthCheck {
  private final CacheHealthChecks probe;

  public CacheReadinessCheck(CacheHealthChecks probe) {
    this.probe = probe;
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("metadata-cache").up()
        .withData("type", probe.type())
        .withData("state", probe.reachable() ? "ok" : "degraded")
        .build();
  }
}
