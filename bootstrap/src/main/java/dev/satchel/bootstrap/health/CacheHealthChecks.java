package dev.satchel.bootstrap.health;

import dev.satchel.bootstrap.config.SatchelConfig;
import io.quarkus.redis.datasource.RedisDataSource;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.util.Locale;

/** Probes the configured cache backend; only Redis can be unreachable, and it is never required. */
@Singleton
public class CacheHealthChecks {
  private final SatchelConfig config;
  private final Instance<RedisDataSource> redis;

  public CacheHealthChecks(SatchelConfig config, Instance<RedisDataSource> redis) {
    this.config = config;
    this.redis = redis;
  }

  String type() {
    return config.cache().type().name().toLowerCase(Locale.ROOT);
  }

  /** True unless the backend is Redis and it does not answer a PING. */
  boolean reachable() {
    if (config.cache().type() != SatchelConfig.CacheType.REDIS) {
      return true;
    }
    try {
      redis.get().execute("PING");
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
