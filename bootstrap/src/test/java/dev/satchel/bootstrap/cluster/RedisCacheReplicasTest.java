package dev.satchel.bootstrap.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.satchel.adapters.persistence.cache.RedisMetadataCache;
import dev.satchel.adapters.persistence.redis.RedisGuard;
import dev.satchel.bootstrap.RedisCacheProfile;
import dev.satchel.bootstrap.TestEnvironmentResource;
import dev.satchel.domain.cache.MetadataCache;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;

/** Two replicas sharing the Redis cache: one shared copy, so every change is seen at once. */
@QuarkusTest
@TestProfile(RedisCacheProfile.class)
@WithTestResource(value = TestEnvironmentResource.class, scope = TestResourceScope.GLOBAL)
class RedisCacheReplicasTest extends ReplicasContract {
  @Inject RedisDataSource redis;
  @Inject ObjectMapper json;

  @Override
  MetadataCache secondReplicaCache() {
    String prefix = ConfigProvider.getConfig().getValue("satchel.cache.key-prefix", String.class);
    return new RedisMetadataCache(redis, json, new RedisGuard(clock, Duration.ofSeconds(5), (operation, cause) -> { }),
        prefix, Duration.ofMinutes(5));
  }
}
