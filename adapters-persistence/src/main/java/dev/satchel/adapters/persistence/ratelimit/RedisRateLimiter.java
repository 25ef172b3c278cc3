package dev.satchel.adapters.persistence.ratelimit;

import dev.satchel.adapters.persistence.redis.RedisGuard;
import dev.satchel.domain.ratelimit.RateLimitDecision;
import dev.satchel.domain.ratelimit.RateLimitPolicy;
import dev.satchel.domain.ratelimit.RateLimiter;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@link RateLimiter} shared by every replica: one Lua script ({@code token-bucket.lua}) takes
 * tokens in one round trip (EVALSHA), atomically, on the Redis server's clock, so replicas with
 * skewed clocks still share one budget. While Redis is unreachable (see {@link RedisGuard}) each
 * replica limits with its own {@code fallback} buckets, and goes back to Redis by itself.
 *
 * <p>{@link #acquire} sends the script through the reactive client: no thread waits for the
 * answer, so the request filter can ask from the event loop. Requests of one key that arrive while
 * a call for it is in flight go together in the next call, a busy key gets tokens lent ahead of
 * demand for a moment, and a refusal is remembered until the next token is due; none of it lets a
 * client past its bucket ({@link CoalescingBucket}). An answer later than
 * {@code timeout} counts as a Redis failure (the blocking client's {@code quarkus.redis.timeout}
 * does not apply to the reactive one).
 *
 * <p>Why a script and not Bucket4j's Redis backends: those need the Lettuce, Jedis or Redisson
 * client, while Satchel talks to Redis through the Quarkus (Vert.x) client; a second client would
 * mean a second pool, timeout and outage handling. The local buckets do use Bucket4j.
 */
public class RedisRateLimiter implements RateLimiter {
  private static final String SCRIPT = load("token-bucket.lua");
  private static final String SHA = sha1(SCRIPT);

  private final ReactiveRedisDataSource redis;
  private final RedisGuard guard;
  private final String prefix;
  private final RateLimiter fallback;
  private final Duration timeout;
  private final CoalescingBucket buckets;

  /**
   * @param prefix key prefix shared by the replicas ({@code ratelimit:} is appended)
   * @param fallback this replica's own buckets, used while Redis is unavailable
   * @param timeout longest wait for an answer before the call counts as failed
   * @param maxKeys bound on the keys whose calls and refusals this replica tracks at once
   */
  public RedisRateLimiter(
      RedisDataSource redis, RedisGuard guard, String prefix, RateLimiter fallback, Duration timeout, long maxKeys) {
    this.redis = redis.getReactive();
    this.guard = guard;
    this.prefix = prefix + "ratelimit:";
    this.fallback = fallback;
    this.timeout = timeout;
    this.buckets = new CoalescingBucket(this::take, this::fallBack, maxKeys, System::nanoTime);
  }

  @Override
  public RateLimitDecision tryAcquire(String key, RateLimitPolicy policy) {
    return acquire(key, policy).toCompletableFuture().join();
  }

  /** Never completes exceptionally: a Redis fault or timeout is answered by the fallback. */
  @Override
  public CompletionStage<RateLimitDecision> acquire(String key, RateLimitPolicy policy) {
    if (!guard.available()) {
      return CompletableFuture.completedFuture(fallback.tryAcquire(key, policy));
    }
    return buckets.acquire(key, policy);
  }

  private CompletionStage<CoalescingBucket.Take> take(
      String key, RateLimitPolicy policy, int tokens, long lend, Duration lendFor) {
    if (!guard.available()) {
      // Went down while these requests waited: they are answered by the fallback.
      return CompletableFuture.failedFuture(new RedisSkipped());
    }
    String redisKey = prefix + key;
    String capacity = Long.toString(policy.requests());
    String periodMicros = Long.toString(policy.period().toNanos() / 1000);
    String wanted = Integer.toString(tokens);
    String lent = Long.toString(lend);
    String lentMicros = Long.toString(lendFor.toNanos() / 1000);
    return redis.execute("EVALSHA", SHA, "1", redisKey, capacity, periodMicros, wanted, lent, lentMicros)
        // First use on this server (or after SCRIPT FLUSH / a restart): send the script once.
        .onFailure(RedisRateLimiter::isNoScript)
        .recoverWithUni(() -> redis.execute("EVAL", SCRIPT, "1", redisKey, capacity, periodMicros, wanted, lent,
            lentMicros))
        .ifNoItem().after(timeout).failWith(() -> new RedisTimeout(timeout))
        .map(answer -> new CoalescingBucket.Take(answer.get(0).toLong(), answer.get(1).toLong(),
            answer.get(2).toLong(), Duration.ofNanos(answer.get(3).toLong() * 1000)))
        .onFailure().invoke(failure -> guard.failed("rate-limit", failure))
        .subscribeAsCompletionStage();
  }

  private RateLimitDecision fallBack(String key, RateLimitPolicy policy, Throwable failure) {
    return fallback.tryAcquire(key, policy);
  }

  /** Redis is being skipped after a recent failure (see {@link RedisGuard}). */
  private static final class RedisSkipped extends RuntimeException {
    RedisSkipped() {
      super("Redis is being skipped after a recent failure", null, false, false);
    }
  }

  /** Redis did not answer within the configured timeout. */
  private static final class RedisTimeout extends RuntimeException {
    RedisTimeout(Duration timeout) {
      super("no answer from Redis within " + timeout, null, false, false);
    }
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
