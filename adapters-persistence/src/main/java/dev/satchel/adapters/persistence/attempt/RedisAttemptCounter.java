package dev.satchel.adapters.persistence.attempt;

import dev.satchel.adapters.persistence.redis.RedisGuard;
import dev.satchel.domain.auth.AttemptCounter;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.keys.KeyCommands;
import io.quarkus.redis.datasource.value.ValueCommands;
import java.time.Duration;

/**
 * {@link AttemptCounter} shared by every replica through Redis (INCR with a sliding PEXPIRE).
 * While Redis is unreachable it counts in this replica's memory instead: throttling weakens to
 * per replica, but logins keep working.
 */
public class RedisAttemptCounter implements AttemptCounter {
  private final ValueCommands<String, Long> counters;
  private final KeyCommands<String> keys;
  private final RedisGuard guard;
  private final String prefix;
  private final AttemptCounter fallback;

  public RedisAttemptCounter(RedisDataSource redis, RedisGuard guard, String prefix, AttemptCounter fallback) {
    this.counters = redis.value(Long.class);
    this.keys = redis.key();
    this.guard = guard;
    this.prefix = prefix;
    this.fallback = fallback;
  }

  @Override
  public Attempts recordFailure(String key, Duration window) {
    String redisKey = prefix + "attempts:" + key;
    long[] count = new long[1];
    boolean done = guard.write("incr", false, () -> {
      count[0] = counters.incr(redisKey);
      keys.pexpire(redisKey, window);
    });
    return done ? new Attempts(count[0], window) : fallback.recordFailure(key, window);
  }

  @Override
  public Attempts current(String key) {
    String redisKey = prefix + "attempts:" + key;
    return guard.<Attempts>read("get", () -> {
      Long count = counters.get(redisKey);
      if (count == null) {
        return java.util.Optional.of(Attempts.NONE);
      }
      long ttl = keys.pttl(redisKey);
      return java.util.Optional.of(new Attempts(count, Duration.ofMillis(Math.max(0, ttl))));
    }).orElseGet(() -> fallback.current(key));
  }

  @Override
  public void reset(String key) {
    fallback.reset(key);
    guard.write("del", true, () -> keys.del(prefix + "attempts:" + key));
  }
}
