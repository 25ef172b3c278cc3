package dev.satchel.adapters.persistence.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.satchel.adapters.persistence.ratelimit.CoalescingBucket.Take;
import dev.satchel.domain.ratelimit.RateLimitDecision;
import dev.satchel.domain.ratelimit.RateLimitPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class CoalescingBucketTest {
  private static final RateLimitPolicy TEN_PER_SECOND = new RateLimitPolicy(10, Duration.ofSeconds(1));
  private static final Duration TOKEN_TIME = Duration.ofMillis(100);

  /**
   * A bucket that never refills, whose takes the test answers by hand, one at a time; it lends
   * as the Redis script does (only while twice the amount remains).
   */
  private static final class HeldBucket implements CoalescingBucket.RemoteBucket {
    long tokens = 10;
    final List<Integer> asked = new ArrayList<>();
    final List<Long> lendAsked = new ArrayList<>();
    final List<CompletableFuture<Take>> pending = new ArrayList<>();

    @Override
    public CompletionStage<Take> take(String key, RateLimitPolicy policy, int wanted, long lend, Duration lendFor) {
      asked.add(wanted);
      lendAsked.add(lend);
      CompletableFuture<Take> answer = new CompletableFuture<>();
      pending.add(answer);
      return answer;
    }

    void answerNext() {
      int index = asked.size() - pending.size();
      long granted = Math.min(asked.get(index), tokens);
      tokens -= granted;
      long lent = tokens >= 2 * lendAsked.get(index) ? lendAsked.get(index) : 0;
      tokens -= lent;
      pending.removeFirst().complete(new Take(granted, lent, tokens, tokens < 1 ? TOKEN_TIME : Duration.ZERO));
    }

    void failNext() {
      pending.removeFirst().completeExceptionally(new IllegalStateException("connection reset"));
    }
  }

  private final HeldBucket remote = new HeldBucket();
  private long now = 1_000_000_000L;
  private final List<Throwable> fallbackCauses = new ArrayList<>();
  private final CoalescingBucket bucket = new CoalescingBucket(remote, (key, policy, failure) -> {
    fallbackCauses.add(failure);
    return RateLimitDecision.of(policy, true, 7, Duration.ZERO);
  }, 100, () -> now);

  private CompletableFuture<RateLimitDecision> acquire() {
    return bucket.acquire("user:1", TEN_PER_SECOND).toCompletableFuture();
  }

  @Test
  void requestsArrivingWhileATakeIsInFlightGoTogetherInTheNextTake() {
    CompletableFuture<RateLimitDecision> first = acquire();
    List<CompletableFuture<RateLimitDecision>> waiting = List.of(acquire(), acquire(), acquire());
    assertThat(remote.asked).containsExactly(1);

    remote.answerNext();
    assertThat(first.join().allowed()).isTrue();
    assertThat(waiting).noneMatch(CompletableFuture::isDone);
    assertThat(remote.asked).containsExactly(1, 3);

    remote.answerNext();
    assertThat(waiting).extracting(w -> w.join().remaining()).containsExactly(8L, 7L, 6L);
    assertThat(waiting).allMatch(w -> w.join().allowed());
  }

  @Test
  void aTakeThatRunsDryAllowsInArrivalOrderAndRemembersTheRefusalUntilTheNextToken() {
    remote.tokens = 2;
    CompletableFuture<RateLimitDecision> first = acquire();
    List<CompletableFuture<RateLimitDecision>> waiting = List.of(acquire(), acquire(), acquire());
    remote.answerNext();
    remote.answerNext();

    assertThat(first.join().allowed()).isTrue();
    assertThat(waiting).extracting(w -> w.join().allowed()).containsExactly(true, false, false);
    assertThat(waiting.get(2).join().retryAfter()).isEqualTo(TOKEN_TIME);

    now += TOKEN_TIME.toNanos() / 2;
    RateLimitDecision meanwhile = acquire().join();
    assertThat(meanwhile.allowed()).isFalse();
    assertThat(meanwhile.retryAfter()).isEqualTo(TOKEN_TIME.dividedBy(2));
    assertThat(remote.asked).as("no round trip while the refusal holds").hasSize(2);

    now += TOKEN_TIME.toNanos() / 2;
    remote.tokens = 1;
    CompletableFuture<RateLimitDecision> afterwards = acquire();
    remote.answerNext();
    assertThat(afterwards.join().allowed()).isTrue();
    assertThat(remote.asked).containsExactly(1, 3, 1);
  }

  @Test
  void requestsQueuedBehindATakeThatRunsDryAreRefusedWithoutAnotherRoundTrip() {
    remote.tokens = 1;
    CompletableFuture<RateLimitDecision> first = acquire();
    CompletableFuture<RateLimitDecision> second = acquire();
    remote.answerNext();
    assertThat(first.join().allowed()).isTrue();
    assertThat(second).isNotDone();
    CompletableFuture<RateLimitDecision> third = acquire();

    remote.answerNext();

    assertThat(second.join().allowed()).isFalse();
    assertThat(third.join().allowed()).isFalse();
    assertThat(remote.asked).as("the third request never reached the bucket").containsExactly(1, 1);
  }

  @Test
  void aFailedTakeSendsEveryWaiterToTheFallbackAndTheNextRequestAsksAgain() {
    CompletableFuture<RateLimitDecision> first = acquire();
    CompletableFuture<RateLimitDecision> second = acquire();

    remote.failNext();
    assertThat(first.join().remaining()).isEqualTo(7);
    assertThat(fallbackCauses).hasSize(1);
    remote.failNext();
    assertThat(second.join().remaining()).isEqualTo(7);
    assertThat(fallbackCauses).hasSize(2);

    CompletableFuture<RateLimitDecision> later = acquire();
    remote.answerNext();
    assertThat(later.join().remaining()).isEqualTo(9);
  }

  @Test
  void aBusyKeyOfABigBucketGetsTokensLentForItsRateAndSpendsThemWithoutRoundTrips() {
    CoalescingBucket big = new CoalescingBucket(remote, (key, policy, failure) -> null, 100, () -> now);
    RateLimitPolicy thousand = new RateLimitPolicy(1000, Duration.ofMinutes(1));
    remote.tokens = 1000;

    CompletableFuture<RateLimitDecision> first = big.acquire("k", thousand).toCompletableFuture();
    List<CompletableFuture<RateLimitDecision>> waiting = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      waiting.add(big.acquire("k", thousand).toCompletableFuture());
    }
    now += Duration.ofMillis(10).toNanos();
    remote.answerNext();
    remote.answerNext();
    // 1 request served in 10 ms is 100/s: 10 tokens for the next 100 ms.
    assertThat(remote.lendAsked).as("nothing is lent before demand is seen").containsExactly(0L, 10L);
    assertThat(first.join().allowed()).isTrue();
    assertThat(waiting).allMatch(w -> w.join().allowed());

    List<RateLimitDecision> fromLent = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      fromLent.add(big.acquire("k", thousand).toCompletableFuture().join());
    }
    assertThat(fromLent).allMatch(RateLimitDecision::allowed);
    assertThat(fromLent).extracting(RateLimitDecision::remaining).startsWith(994L, 993L).endsWith(985L);
    assertThat(remote.asked).as("the lent tokens were spent here").hasSize(2);

    now += Duration.ofMillis(20).toNanos();
    big.acquire("k", thousand);
    // 14 served (4 granted, 10 lent) in 20 ms is 700/s: 70 tokens, within 1/16 of 1000 (62).
    assertThat(remote.lendAsked.getLast()).isEqualTo(62L);
  }

  @Test
  void lentTokensLapseUnused() {
    CoalescingBucket big = new CoalescingBucket(remote, (key, policy, failure) -> null, 100, () -> now);
    RateLimitPolicy thousand = new RateLimitPolicy(1000, Duration.ofMinutes(1));
    remote.tokens = 1000;
    big.acquire("k", thousand);
    CompletableFuture<RateLimitDecision> second = big.acquire("k", thousand).toCompletableFuture();
    remote.answerNext();
    remote.answerNext();
    assertThat(second.join().allowed()).isTrue();
    assertThat(remote.lendAsked.getLast()).isPositive();

    now += CoalescingBucket.LEND_FOR.toNanos();
    big.acquire("k", thousand);

    assertThat(remote.asked).as("a lapsed loan is not spent").hasSize(3);
  }

  @Test
  void aBucketUnder256TokensIsNeverLent() {
    RateLimitPolicy small = new RateLimitPolicy(255, Duration.ofMinutes(1));
    remote.tokens = 255;
    for (int i = 0; i < 4; i++) {
      now += Duration.ofMillis(1).toNanos();
      CompletableFuture<RateLimitDecision> answer = bucket.acquire("small", small).toCompletableFuture();
      remote.answerNext();
      assertThat(answer.join().allowed()).isTrue();
    }
    assertThat(remote.lendAsked).containsOnly(0L);
  }

  @Test
  void keysAreIndependent() {
    CompletableFuture<RateLimitDecision> one = acquire();
    CompletableFuture<RateLimitDecision> other = bucket.acquire("user:2", TEN_PER_SECOND).toCompletableFuture();

    assertThat(remote.asked).as("another key does not wait for this one's take").containsExactly(1, 1);
    remote.answerNext();
    remote.answerNext();
    assertThat(one.join().allowed()).isTrue();
    assertThat(other.join().allowed()).isTrue();
  }
}
