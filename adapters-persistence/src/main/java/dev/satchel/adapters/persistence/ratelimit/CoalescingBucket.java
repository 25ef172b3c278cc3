package dev.satchel.adapters.persistence.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.satchel.domain.ratelimit.RateLimitDecision;
import dev.satchel.domain.ratelimit.RateLimitPolicy;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;

/**
 * This replica's side of a remote token bucket, built to cost few round trips without ever
 * letting a client past the bucket:
 *
 * <ul>
 *   <li><b>Single flight</b>: per bucket key at most one take is in flight; requests that arrive
 *       meanwhile wait and go together in the next take, as one take of n tokens (granted in
 *       arrival order, the same tokens n takes in a row would have got).
 *   <li><b>Lending</b>: a take may also ask for tokens lent ahead of demand, what the key's rate
 *       since its previous take would use in half of {@link #LEND_FOR} and at most 1/16 of the
 *       bucket; they are spent here without a round trip and dropped when unused after it. The
 *       remote side stops its refill below the capacity by what is lent (see
 *       {@code token-bucket.lua}), so lent plus remaining tokens never exceed the bucket, and it
 *       lends only while twice the amount would remain. Cost: a replica may hold up to 1/16 of a
 *       bucket that another replica of the same client cannot use for {@link #LEND_FOR}, and the
 *       unused part of a loan is spent when a client stops; buckets under
 *       {@value #MIN_LENDING_BUCKET} tokens are never lent, so they stay exact.
 *   <li><b>Remembered refusal</b>: a take that runs the bucket dry refuses everyone here until
 *       the next token is due, without a round trip (only the refill adds tokens).
 * </ul>
 *
 * <p>Why: one round trip per request made Redis buckets cost 27 % of the cheapest request's rate
 * (bench k, budget 10 %).
 */
final class CoalescingBucket {
  /** How long a lent token stays usable here; the remote side holds it at least as long. */
  static final Duration LEND_FOR = Duration.ofMillis(200);
  private static final long LEND_FOR_NANOS = LEND_FOR.toNanos();
  private static final int MAX_LENT_FRACTION = 16;
  /** Smaller buckets are shared request by request: a token held elsewhere would be felt. */
  static final long MIN_LENDING_BUCKET = 256;
  private static final long MIN_RATE_WINDOW_NANOS = Duration.ofMillis(10).toNanos();

  /** The remote bucket. */
  interface RemoteBucket {
    /**
     * Takes up to {@code tokens} tokens, and lends up to {@code lend} more for {@code lendFor}.
     *
     * @return the outcome; completes exceptionally when the backend failed or timed out
     */
    CompletionStage<Take> take(String key, RateLimitPolicy policy, int tokens, long lend, Duration lendFor);
  }

  /** What a replica does when the remote bucket failed: answers one request on its own. */
  interface Fallback {
    RateLimitDecision acquire(String key, RateLimitPolicy policy, Throwable failure);
  }

  /**
   * The outcome of one take.
   *
   * @param granted tokens taken for the waiting requests, 0..requested
   * @param lent tokens lent on top, 0..asked
   * @param remaining whole tokens left in the bucket after the take
   * @param nextTokenIn when the bucket holds less than one token after the take: time until it
   *     holds one again; zero otherwise
   */
  record Take(long granted, long lent, long remaining, Duration nextTokenIn) {}

  /** One key's waiting requests, lent tokens and remembered refusal. */
  private static final class Queue {
    final ArrayDeque<CompletableFuture<RateLimitDecision>> waiting = new ArrayDeque<>();
    boolean inFlight;
    boolean refused;
    long refusedUntilNanos;
    long lent;
    long lentUntilNanos;
    long remainingBesidesLent;
    long servedSinceTake;
    long lastTakeNanos;
  }

  private final RemoteBucket remote;
  private final Fallback fallback;
  private final LongSupplier nanoTime;
  private final Cache<String, Queue> queues;

  /**
   * @param maxKeys bound on the keys tracked at once; a forgotten key loses its remembered refusal
   *     and its lent tokens (its next request asks the bucket again)
   * @param nanoTime monotonic clock in nanoseconds, {@code System::nanoTime} outside tests
   */
  CoalescingBucket(RemoteBucket remote, Fallback fallback, long maxKeys, LongSupplier nanoTime) {
    this.remote = remote;
    this.fallback = fallback;
    this.nanoTime = nanoTime;
    // A queue idle for a minute holds nothing worth keeping (longer refusals are asked again).
    this.queues = Caffeine.newBuilder().maximumSize(maxKeys).expireAfterAccess(Duration.ofMinutes(1)).build();
  }

  /** Takes one token for this request; never completes exceptionally. */
  CompletionStage<RateLimitDecision> acquire(String key, RateLimitPolicy policy) {
    Queue queue = queues.get(key, k -> new Queue());
    CompletableFuture<RateLimitDecision> answer;
    long lend;
    long sentAt;
    synchronized (queue) {
      long now = nanoTime.getAsLong();
      if (queue.refused) {
        long left = queue.refusedUntilNanos - now;
        if (left > 0) {
          return CompletableFuture.completedFuture(RateLimitDecision.of(policy, false, 0, Duration.ofNanos(left)));
        }
        queue.refused = false;
      }
      RateLimitDecision spent = spendLent(queue, policy, now);
      if (spent != null) {
        return CompletableFuture.completedFuture(spent);
      }
      answer = new CompletableFuture<>();
      queue.waiting.add(answer);
      if (queue.inFlight) {
        return answer;
      }
      queue.inFlight = true;
      lend = lendWanted(queue, policy, now);
      sentAt = now;
    }
    send(key, policy, queue, 1, lend, sentAt);
    return answer;
  }

  /** A lent token for one request, or null when none is left or they lapsed. Holds the lock. */
  private static RateLimitDecision spendLent(Queue queue, RateLimitPolicy policy, long now) {
    if (queue.lent == 0) {
      return null;
    }
    if (now - queue.lentUntilNanos >= 0) {
      queue.lent = 0;
      return null;
    }
    queue.lent--;
    queue.servedSinceTake++;
    return RateLimitDecision.of(policy, true, queue.remainingBesidesLent + queue.lent, Duration.ZERO);
  }

  /**
   * What this key's rate since its last take would use in half of {@link #LEND_FOR}, at most 1/16
   * of the bucket, nothing for a bucket under {@value #MIN_LENDING_BUCKET}: sized to be spent
   * before it lapses, so little is lost when it does. Holds the lock.
   */
  private static long lendWanted(Queue queue, RateLimitPolicy policy, long now) {
    long served = queue.servedSinceTake;
    // A window under 10 ms (the first requests of a burst) would overstate the rate.
    long window = Math.max(now - queue.lastTakeNanos, MIN_RATE_WINDOW_NANOS);
    queue.servedSinceTake = 0;
    queue.lastTakeNanos = now;
    if (policy.requests() < MIN_LENDING_BUCKET) {
      return 0;
    }
    long expected = (long) ((double) served * (LEND_FOR_NANOS / 2) / window);
    return Math.min(policy.requests() / MAX_LENT_FRACTION, expected);
  }

  private void send(String key, RateLimitPolicy policy, Queue queue, int tokens, long lend, long sentAt) {
    CompletionStage<Take> take;
    try {
      take = remote.take(key, policy, tokens, lend, LEND_FOR);
    } catch (RuntimeException e) {
      take = CompletableFuture.failedFuture(e);
    }
    take.whenComplete((outcome, failure) -> settle(key, policy, queue, tokens, sentAt, outcome, failure));
  }

  private void settle(
      String key, RateLimitPolicy policy, Queue queue, int tokens, long sentAt, Take take, Throwable failure) {
    List<CompletableFuture<RateLimitDecision>> batch = new ArrayList<>(tokens);
    List<CompletableFuture<RateLimitDecision>> late = List.of();
    List<RateLimitDecision> lateAnswers = List.of();
    int next = 0;
    long lend = 0;
    long now;
    synchronized (queue) {
      now = nanoTime.getAsLong();
      for (int i = 0; i < tokens; i++) {
        batch.add(queue.waiting.poll());
      }
      if (failure == null) {
        queue.servedSinceTake += take.granted();
        if (take.lent() > 0) {
          // Measured from before the call was sent: never later than the remote side's expiry.
          queue.lent = take.lent();
          queue.lentUntilNanos = sentAt + LEND_FOR_NANOS;
          queue.remainingBesidesLent = take.remaining();
        }
        if (take.granted() < tokens) {
          // The bucket ran dry: nobody gets a token before its next one is due.
          queue.refused = true;
          queue.refusedUntilNanos = now + take.nextTokenIn().toNanos();
        }
        // Requests that came in during the call: lent tokens first, then the refusal, if any.
        late = new ArrayList<>();
        lateAnswers = new ArrayList<>();
        while (!queue.waiting.isEmpty()) {
          RateLimitDecision answer = queue.refused
              ? RateLimitDecision.of(policy, false, 0, Duration.ofNanos(queue.refusedUntilNanos - now))
              : spendLent(queue, policy, now);
          if (answer == null) {
            break;
          }
          late.add(queue.waiting.poll());
          lateAnswers.add(answer);
        }
      }
      if (queue.waiting.isEmpty()) {
        queue.inFlight = false;
      } else {
        next = queue.waiting.size();
        lend = lendWanted(queue, policy, now);
      }
    }
    if (failure != null) {
      batch.forEach(waiter -> waiter.complete(fallback.acquire(key, policy, failure)));
    } else {
      for (int i = 0; i < batch.size(); i++) {
        boolean allowed = i < take.granted();
        // The i-th granted request saw the tokens the later ones of this take had not yet used.
        long remaining = allowed ? take.remaining() + take.lent() + take.granted() - 1 - i : 0;
        batch.get(i).complete(RateLimitDecision.of(policy, allowed, remaining, take.nextTokenIn()));
      }
      for (int i = 0; i < late.size(); i++) {
        late.get(i).complete(lateAnswers.get(i));
      }
    }
    if (next > 0) {
      send(key, policy, queue, next, lend, now);
    }
  }
}
