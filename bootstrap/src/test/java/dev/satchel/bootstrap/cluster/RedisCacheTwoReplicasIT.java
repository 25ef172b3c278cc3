package dev.satchel.bootstrap.cluster;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;

/** Two packaged instances sharing the Redis cache. */
class RedisCacheTwoReplicasIT extends TwoPackagedReplicasContract {
  @BeforeAll
  static void start() {
    String host = System.getenv().getOrDefault("SATCHEL_TEST_REDIS_HOST", "127.0.0.1");
    String port = System.getenv().getOrDefault("SATCHEL_TEST_REDIS_PORT", "6379");
    startReplicas("redis-replica", Map.of("satchel.cache.type", "redis", "quarkus.redis.hosts", "redis://" + host + ":" + port));
  }
}
