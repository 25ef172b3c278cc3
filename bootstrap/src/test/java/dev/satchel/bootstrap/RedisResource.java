package dev.satchel.bootstrap;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Points Satchel's cache at the real Redis (SATCHEL_TEST_REDIS_HOST/PORT, default
 * 127.0.0.1:6379) through a relay that tests can cut to simulate an outage.
 */
public class RedisResource implements QuarkusTestResourceLifecycleManager {
  private TcpProxy relay;

  @Override
  public Map<String, String> start() {
    String host = System.getenv().getOrDefault("SATCHEL_TEST_REDIS_HOST", "127.0.0.1");
    int port = Integer.parseInt(System.getenv().getOrDefault("SATCHEL_TEST_REDIS_PORT", "6379"));
    try {
      relay = new TcpProxy(host, port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.of(
        "satchel.cache.type", "redis",
        "quarkus.redis.hosts", "redis://127.0.0.1:" + relay.port());
  }

  @Override
  public void inject(TestInjector injector) {
    injector.injectIntoFields(relay, new TestInjector.AnnotatedAndMatchesType(RedisRelay.class, TcpProxy.class));
  }

  @Override
  public void stop() {
    try {
      if (relay != null) {
        relay.close();
      }
    } catch (IOException ignored) {
      // the test JVM is finishing
    }
  }
}
