package dev.satchel.domain.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RateLimitPolicyTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "1200/1m  | 1200       | PT1M",
      "300/1m   | 300        | PT1M",
      "30/1h    | 30         | PT1H",
      "100/15m  | 100        | PT15M",
      "5/1s     | 5          | PT1S",
      "1/1d     | 1          | PT24H",
      "'  7/2s ' | 7         | PT2S",
      "1000000000/365d | 1000000000 | PT8760H"})
  void parsesRequestsPerPeriod(String text, long requests, Duration period) {
    assertThat(RateLimitPolicy.parse(text)).contains(new RateLimitPolicy(requests, period));
  }

  @ParameterizedTest
  @ValueSource(strings = {"off", "OFF", "Off", " off ", "\toff\n"})
  void offMeansNoLimit(String text) {
    assertThat(RateLimitPolicy.parse(text)).isEqualTo(Optional.empty());
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", " ", "0/1m", "-1/1m", "1/0s", "1/-1s", "abc", "1200", "/1m", "1200/", "1200/m",
      "1200/1", "1200/1w", "1200/1M", "1200 / 1m", "1200/1m/1s", "1.5/1m", "1e3/1m", "１２/1m", "12/１m",
      "99999999999/1m", "1000000001/1m", "9223372036854775808/1m", "1/366d", "1/9999999d",
      "12/1m;drop", "12/1m\u0000", "of", "offf", "no", "unlimited", "0x10/1m", "+5/1m"})
  void rejectsMalformedValuesWithAClearMessage(String text) {
    assertThatThrownBy(() -> RateLimitPolicy.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Invalid rate limit");
  }

  @RepeatedTest(200)
  void anyValidPolicyRoundTripsThroughItsWrittenForm() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long requests = random.nextLong(1, RateLimitPolicy.MAX_REQUESTS + 1);
    String[] units = {"s", "m", "h", "d"};
    long[] maxAmounts = {365L * 86400, 365L * 1440, 365L * 24, 365};
    int unit = random.nextInt(units.length);
    long amount = random.nextLong(1, Math.min(999_999, maxAmounts[unit]) + 1);

    RateLimitPolicy policy = RateLimitPolicy.parse(requests + "/" + amount + units[unit]).orElseThrow();

    assertThat(policy.requests()).isEqualTo(requests);
    assertThat(policy.period()).isPositive().isLessThanOrEqualTo(RateLimitPolicy.MAX_PERIOD);
    assertThat(policy.windowSeconds()).isEqualTo(policy.period().toSeconds());
  }

  @Test
  void resetIsTheTimeToRefillTheMissingTokens() {
    RateLimitPolicy policy = new RateLimitPolicy(60, Duration.ofMinutes(1));

    assertThat(RateLimitDecision.of(policy, true, 60, Duration.ZERO).resetAfter()).isZero();
    assertThat(RateLimitDecision.of(policy, true, 50, Duration.ZERO).resetAfter()).isEqualTo(Duration.ofSeconds(10));
    assertThat(RateLimitDecision.of(policy, false, 0, Duration.ofSeconds(1)).resetAfter()).isEqualTo(Duration.ofMinutes(1));
    assertThat(RateLimitDecision.of(policy, true, 3, Duration.ofSeconds(9)).retryAfter()).isZero();
  }
}
