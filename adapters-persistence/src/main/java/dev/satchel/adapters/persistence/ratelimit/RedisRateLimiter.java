package dev.satchel.adapters.persistence.ratelimit;

import dev.satchel.adapters.persistence.redis.RedisGuard;
import dev.satchel.domain.ratelimit.RateLimitDecision;
import dev.satchel.domain.ratelimit.RateLimitPolicy;
import dev.satchel.domain.ratelimit.RateLimiter;
import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * {@link RateLimiter} shared by every replica: one Lua script ({@code token-bucket.lua}) takes a
 * token in one round trip (EVALSHA), atomically, on the Redis server's clock, so replicas with
 * skewed clocks still share one budget. While Redis is unreachable (see {@link RedisGuard}) each
 * replica limits with its own {@code fallback} buckets, and goes back to Redis by itself.
 *
 * <p>Why a script and not Bucket4j's Redis backends: those need the Lettuce, Jedis or Redisson
 * client, while Satchel talks to Redis through the Quarkus (Vert.x) client; a second client would
 * mean a second pool, timeout and outage handling. The local buckets do use Bucket4j.
 */
public class RedisRateLimiter implements RateLimiter {
  private static final String SCRIPT = load("token-bucket.lua");
  private static final String SHA = sha1(SCRIPT);

  private final RedisDataSource redis;
  private final RedisGuard guard;
  private final String prefix;
  private final RateLimiter fallback;

  public RedisRateLimiter(RedisDataSource redis, RedisGuard guard, String prefix, RateLimiter fallback) {
    this.redis = redis;
    this.guard = guard;
    this.prefix = prefix + "ratelimit:";
    this.fallback = fallback;
  }

  @Override
  public RateLimitDecision tryAcquire(String key, RateLimitPolicy policy) {
    return guard.read("rate-limit", () -> Optional.of(take(prefix + key, policy)))
        .orElseGet(() -> fallback.tryAcquire(key, policy));
  }

  private RateLimitDecision take(String redisKey, RateLimitPolicy policy) {
    String capacity = Long.toString(policy.requests());
    String periodMicros = Long.toString(policy.period().toNanos() / 1000);
    Response answer;
    try {
      answer = redis.execute("EVALSHA", SHA, "1", redisKey, capacity, periodMicros);
    } catch (RuntimeException e) {
      if (!isNoScript(e)) {
        throw e;
      }
      // First use on this server (or after SCRIPT FLUSH / a restart): send the script once.
      answer = redis.execute("EVAL", SCRIPT, "1", redisKey, capacity, periodMicros);
    }
    boolean allowed = answer.get(0).toLong() == 1;
    return RateLimitDecision.of(policy, allowed, answer.get(1).toLong(), Duration.ofNanos(answer.get(2).toLong() * 1000));
  }

  private static boolean isNoScript(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (String.valueOf(t.getMessage()).contains("NOSCRIPT")) {
        return true;
      }
    }
    return false;
  }

  private static String load(String name) {
    try (InputStream in = RedisRateLimiter.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha1(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
