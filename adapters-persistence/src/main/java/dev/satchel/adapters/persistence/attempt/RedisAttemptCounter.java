package dev.satchel.adapters.persistence.attempt;

import dev.satchel.adapters.persistence.redis.RedisGuard;
import dev.satchel.domain.auth.AttemptCounter;
import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link AttemptCounter} shared by every replica through Redis. Each admission is one Lua script
 * (EVAL), so the check, the increment and the expiry are one atomic command: parallel attempts
 * cannot read the same count, and no crash can leave a counter without its expiry. While Redis is
 * unreachable it counts in this replica's memory instead: throttling weakens to per replica, but
 * logins keep working.
 */
public class RedisAttemptCounter implements AttemptCounter {
  // KEYS[1] the counter; ARGV[1] the window in ms; ARGV[2..] the gaps in ms after 0, 1, ... attempts.
  // The time since the last counted attempt is the part of its window already gone (window - PTTL).
  // A key without expiry (PTTL -1, left by older versions) counts as expired and is overwritten.
  static final String ADMIT = """
      local window = tonumber(ARGV[1])
      local ttl = redis.call('PTTL', KEYS[1])
      local count = 0
      if ttl > 0 then count = tonumber(redis.call('GET', KEYS[1])) or 0 end
      if count > 0 then
        local gap = tonumber(ARGV[math.min(count, #ARGV - 2) + 2])
        local wait = gap - (window - ttl)
        if wait > 0 then return {0, wait} end
      end
      redis.call('SET', KEYS[1], count + 1, 'PX', window)
      return {1, count + 1}
      """;
  // DECR keeps the key's expiry; a count that would reach zero is deleted instead.
  static final String RELEASE = """
      local count = tonumber(redis.call('GET', KEYS[1]))
      if count == nil then return 0 end
      if count <= 1 then redis.call('DEL', KEYS[1]) return 0 end
      return redis.call('DECR', KEYS[1])
      """;

  private final RedisDataSource redis;
  private final RedisGuard guard;
  private final String prefix;
  private final AttemptCounter fallback;

  public RedisAttemptCounter(RedisDataSource redis, RedisGuard guard, String prefix, AttemptCounter fallback) {
    this.redis = redis;
    this.guard = guard;
    this.prefix = prefix;
    this.fallback = fallback;
  }

  @Override
  public Admission admit(String key, Schedule schedule) {
    List<String> args = new ArrayList<>(List.of(ADMIT, "1", redisKey(key), millis(schedule.window())));
    schedule.gaps().forEach(gap -> args.add(millis(gap)));
    Admission[] outcome = new Admission[1];
    boolean done = guard.write("admit", false, () -> {
      Response reply = redis.execute("EVAL", args.toArray(String[]::new));
      long value = reply.get(1).toLong();
      outcome[0] = reply.get(0).toInteger() == 1
          ? new Admission.Admitted(value)
          : new Admission.Refused(Duration.ofMillis(value));
    });
    return done ? outcome[0] : fallback.admit(key, schedule);
  }

  @Override
  public void release(String key) {
    if (!guard.write("release", false, () -> redis.execute("EVAL", RELEASE, "1", redisKey(key)))) {
      fallback.release(key);
    }
  }

  @Override
  public void reset(String key) {
    fallback.reset(key);
    guard.write("del", true, () -> redis.key().del(redisKey(key)));
  }

  private String redisKey(String key) {
    return prefix + "attempts:" + key;
  }

  private static String millis(Duration duration) {
    return Long.toString(duration.toMillis());
  }
}
