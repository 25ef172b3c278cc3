package dev.satchel.application.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {
  private static final Instant QUEUED = Instant.parse("2026-11-29T00:00:00Z");
  private final RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(5), Duration.ofHours(1), Duration.ofDays(1));

  @Test
  void theFirstRetryComesAfterFirstRetryThenTheWaitDoublesUpToTheCap() {
    assertThat(schedule.after(1, QUEUED, QUEUED)).contains(QUEUED.plusSeconds(5));
    assertThat(schedule.delay(2)).isEqualTo(Duration.ofSeconds(10));
    assertThat(schedule.delay(3)).isEqualTo(Duration.ofSeconds(20));
    assertThat(schedule.delay(10)).isEqualTo(Duration.ofSeconds(5 * 512));
    assertThat(schedule.delay(11)).isEqualTo(Duration.ofHours(1));
    assertThat(schedule.delay(1_000_000)).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void failuresAreRetriedForAtLeastTheRetryWindowThenGivenUp() {
    // replay a receiver that is down for good: attempts until the schedule gives up
    Instant at = QUEUED;
    int attempt = 1;
    Optional<Instant> next = schedule.after(attempt, QUEUED, at);
    while (next.isPresent()) {
      at = next.get();
      attempt++;
      next = schedule.after(attempt, QUEUED, at);
    }
    assertThat(at).isAfterOrEqualTo(QUEUED.plus(Duration.ofDays(1)))
        .isBefore(QUEUED.plus(Duration.ofDays(1)).plus(Duration.ofHours(1)).plusSeconds(1));
    assertThat(attempt).isBetween(30, 40);
  }
}
