package dev.satchel.bootstrap;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** Runs an end-to-end test class with the Redis metadata cache. */
public class RedisCacheProfile implements QuarkusTestProfile {
  @Override
  public List<TestResourceEntry> testResources() {
    return List.of(new TestResourceEntry(RedisResource.class));
  }
}
