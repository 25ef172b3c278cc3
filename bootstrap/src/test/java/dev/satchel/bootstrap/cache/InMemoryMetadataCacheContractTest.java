package dev.satchel.bootstrap.cache;

import dev.satchel.adapters.persistence.cache.InMemoryMetadataCache;
import dev.satchel.domain.cache.MetadataCache;
import java.time.Duration;

/** The cache contract on the Caffeine adapter; every instance is its own namespace. */
class InMemoryMetadataCacheContractTest extends MetadataCacheContractTest {
  @Override
  MetadataCache cache(String keyPrefix, Duration ttl) {
    return new InMemoryMetadataCache(ttl, 1000);
  }
}
