package dev.satchel.bootstrap.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.satchel.adapters.persistence.cache.RedisMetadataCache;
import dev.satchel.adapters.persistence.redis.RedisGuard;
import dev.satchel.bootstrap.RedisCacheProfile;
import dev.satchel.bootstrap.TestEnvironmentResource;
import dev.satchel.domain.cache.MetadataCache;
import dev.satchel.domain.file.FileMetadata;
import dev.satchel.domain.share.ShareLink;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

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

  // Replicas share Redis: one that read a row just before another's delete or revoke must not put
  // its stale copy back after the eviction.
  @Test
  void aStaleFillAfterAnEvictionDoesNotBringTheEntryBack() {
    MetadataCache cache = cache(prefix(), Duration.ofMinutes(5));
    FileMetadata file = file();
    ShareLink link = share();
    cache.putFile(file);
    cache.putShare(link);

    cache.evictFile(file.id());
    cache.evictShare(link.tokenHash());
    cache.putFile(file);
    cache.putShare(link);

    assertThat(cache.file(file.id())).isEmpty();
    assertThat(cache.share(link.tokenHash())).isEmpty();
  }
}
