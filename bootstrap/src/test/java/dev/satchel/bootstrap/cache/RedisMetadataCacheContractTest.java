package dev.satchel.bootstrap.cache;

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

/** The cache contract on the Redis adapter, against the real Redis. */
@QuarkusTest
@TestProfile(RedisCacheProfile.class)
@WithTestResource(value = TestEnvironmentResource.class, scope = TestResourceScope.GLOBAL)
class RedisMetadataCacheContractTest extends MetadataCacheContractTest {
  @Inject RedisDataSource redis;
  @Inject ObjectMapper json;
  @Inject RedisGuard guard;

  @Override
  MetadataCache cache(String keyPrefix, Duration ttl) {
    return new RedisMetadataCache(redis, json, guard, keyPrefix, ttl);
  }
}
