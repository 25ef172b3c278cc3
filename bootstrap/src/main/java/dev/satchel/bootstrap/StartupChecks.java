package dev.satchel.bootstrap;

import dev.satchel.adapters.rest.PublicAddress;
import dev.satchel.application.security.RateLimits;
import dev.satchel.bootstrap.config.SatchelConfig;
import dev.satchel.domain.cache.MetadataCache;
import dev.satchel.domain.storage.BlobStorage;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.interceptor.Interceptor;
import javax.crypto.SecretKey;
import org.jboss.logging.Logger;

/**
 * Resolves the configuration-dependent beans at start, so that a missing signing key, a bad storage
 * or encryption setting, a malformed rate limit or PUBLIC_BASE_URL stops the service with one line
 * naming the setting (a {@link io.quarkus.runtime.configuration.ConfigurationException}, which
 * Quarkus prints without a stack trace) instead of failing its first request; opens the Redis
 * connection early, so the first cached request does not pay for it; and builds the metadata cache,
 * so the memory cache listens for the other replicas' evictions before the first request. Runs
 * before the other start observers, so no background job starts in a service that will not.
 */
public class StartupChecks {
  private static final Logger LOG = Logger.getLogger(StartupChecks.class);

  void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event, SecretKey signingKey,
      BlobStorage blobs, MetadataCache cache, SatchelConfig config, Instance<RedisDataSource> redis,
      RateLimits rateLimits, PublicAddress publicAddress) {
    if (config.cache().type() == SatchelConfig.CacheType.REDIS) {
      try {
        redis.get().execute("PING");
      } catch (RuntimeException e) {
        LOG.warnf("Redis did not answer at start (%s); serving from PostgreSQL until it does",
            e.getClass().getSimpleName());
      }
    }
    LOG.infof("Satchel ready: storage %s, cache %s", config.storage().type(), config.cache().type());
  }
}
