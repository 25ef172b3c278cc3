package dev.satchel.application.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.satchel.domain.event.Event;
import dev.satchel.domain.event.OutboxPosition;
import dev.satchel.domain.testing.DirectTransactionBoundary;
import dev.satchel.domain.testing.MutableClock;
import dev.satchel.domain.webhook.DeliveryAttempt;
import dev.satchel.domain.webhook.DeliveryState;
import dev.satchel.domain.webhook.PendingDelivery;
import dev.satchel.domain.webhook.SendResult;
import dev.satchel.domain.webhook.WebhookDeliveries;
import dev.satchel.domain.webhook.WebhookId;
import dev.satchel.domain.webhook.WebhookSecret;
import dev.satchel.domain.webhook.WebhookUrl;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What one attempt leaves behind, for each kind of answer. */
class DeliverWebhooksServiceTest {
  private static final Duration LEASE = Duration.ofSeconds(40);
  private final MutableClock clock = MutableClock.at("2026-11-29T10:00:00Z");
  private final OneDelivery queue = new OneDelivery();
  private final RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(5), Duration.ofHours(1), Duration.ofDays(1));

  @Test
  void twoHundredsDeliverWithoutANextAttempt() {
    assertThat(attempt(SendResult.answered(202, ""), 0)).contains(DeliveryState.DELIVERED);
    assertThat(queue.next).isEmpty();
  }

  @Test
  void otherAnswersAndFailuresAreRetriedAfterTheScheduledWait() {
    for (SendResult result : List.of(SendResult.answered(500, ""), SendResult.answered(302, ""),
        SendResult.answered(404, ""), SendResult.failed("timed out after 10000 ms"))) {
      assertThat(attempt(result, 0)).contains(DeliveryState.RETRYING);
      assertThat(queue.next).contains(clock.instant().plusSeconds(5));
    }
  }

  @Test
  void goneGivesTheDeliveryUpAtOnce() {
    assertThat(attempt(SendResult.answered(410, ""), 0)).contains(DeliveryState.FAILED);
    assertThat(queue.next).isEmpty();
  }

  @Test
  void aFailureAfterTheRetryWindowGivesUp() {
    queue.queuedAt = clock.instant().minus(Duration.ofDays(1));
    assertThat(attempt(SendResult.answered(503, ""), 30)).contains(DeliveryState.FAILED);
    assertThat(queue.next).isEmpty();
  }

  @Test
  void nothingDueMeansNoAttempt() {
    var service = new DeliverWebhooksService(queue, (d, t) -> {
      throw new AssertionError("no delivery is due");
    }, schedule, LEASE, clock, new DirectTransactionBoundary());
    assertThat(service.deliverNext()).isEmpty();
  }

  private Optional<DeliveryState> attempt(SendResult result, int attemptsMade) {
    queue.due = Optional.of(new PendingDelivery(UUID.randomUUID(), new WebhookId(UUID.randomUUID()),
        new WebhookUrl("https://hooks.example.com/"), WebhookSecret.random(new SecureRandom()), UUID.randomUUID(),
        "file.uploaded", "{}", attemptsMade, queue.queuedAt == null ? clock.instant() : queue.queuedAt,
        UUID.randomUUID()));
    List<Instant> signedAt = new ArrayList<>();
    var service = new DeliverWebhooksService(queue, (d, t) -> {
      signedAt.add(t);
      return result;
    }, schedule, LEASE, clock, new DirectTransactionBoundary());
    Optional<DeliveryState> state = service.deliverNext();
    assertThat(signedAt).containsExactly(clock.instant());
    assertThat(queue.state).isEqualTo(state.orElseThrow());
    return state;
  }

  /** A queue holding at most one due delivery, recording what the service wrote back. */
  private static final class OneDelivery implements WebhookDeliveries {
    Optional<PendingDelivery> due = Optional.empty();
    Instant queuedAt;
    DeliveryState state;
    Optional<Instant> next;

    @Override
    public Optional<PendingDelivery> claimDue(Instant now, Instant leaseUntil) {
      assertThat(leaseUntil).isEqualTo(now.plus(LEASE));
      Optional<PendingDelivery> claimed = due;
      due = Optional.empty();
      return claimed;
    }

    @Override
    public boolean recordAttempt(PendingDelivery delivery, SendResult result, Instant attemptedAt,
        DeliveryState state, Optional<Instant> nextAttemptAt) {
      this.state = state;
      this.next = nextAttemptAt;
      return true;
    }

    @Override
    public int enqueue(Event event, String payload, Instant dueAt) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<OutboxPosition> lockOutboxCursor() {
      throw new UnsupportedOperationException();
    }

    @Override
    public void holdOutboxCursor() {
      throw new UnsupportedOperationException();
    }

    @Override
    public void moveOutboxCursor(OutboxPosition position) {
      throw new UnsupportedOperationException();
    }

    @Override
    public int purgeFinishedBefore(Instant cutoff) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<DeliveryAttempt> latestAttempts(WebhookId webhook, int limit) {
      throw new UnsupportedOperationException();
    }
  }
}
