package dev.satchel.bootstrap.cluster;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;

/** Two packaged instances with the memory cache (the default), kept coherent over PostgreSQL. */
class MemoryCacheTwoReplicasIT extends TwoPackagedReplicasContract {
  @BeforeAll
  static void start() {
    startReplicas("memory-replica", Map.of("satchel.cache.type", "memory"));
  }
}
