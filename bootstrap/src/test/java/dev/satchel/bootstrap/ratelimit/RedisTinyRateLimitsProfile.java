package dev.satchel.bootstrap.ratelimit;

import dev.satchel.bootstrap.RedisResource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Tiny rate limits shared through Redis, under a key prefix of this run alone. */
public class RedisTinyRateLimitsProfile extends TinyRateLimitsProfile {
  // Not random: the profile is loaded by the test's and by the application's class loader, and
  // both must agree. The process id keeps concurrent test runs on one Redis apart.
  static final String KEY_PREFIX = "satchel:test-ratelimit-" + ProcessHandle.current().pid() + ":";

  @Override
  public Map<String, String> getConfigOverrides() {
    Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
    overrides.put("satchel.cache.key-prefix", KEY_PREFIX);
    return overrides;
  }

  @Override
  public List<TestResourceEntry> testResources() {
    return List.of(new TestResourceEntry(RedisResource.class));
  }
}
