package dev.satchel.application.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.satchel.application.event.EventRecorder;
import dev.satchel.domain.event.Event;
import dev.satchel.domain.testing.DirectTransactionBoundary;
import dev.satchel.domain.testing.InMemoryEventOutbox;
import dev.satchel.domain.testing.InMemoryEventTickets;
import dev.satchel.domain.testing.MutableClock;
import dev.satchel.domain.testing.SequentialIdGenerator;
import dev.satchel.domain.testing.TestFiles;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PurgeOldEventsServiceTest {
  private final MutableClock clock = MutableClock.at("2025-06-01T12:00:00Z");
  private final InMemoryEventOutbox outbox = new InMemoryEventOutbox();
  private final EventRecorder events = new EventRecorder(outbox, new SequentialIdGenerator(), clock);
  private final PurgeOldEventsService purge =
      new PurgeOldEventsService(outbox, new InMemoryEventTickets(), clock, Duration.ofDays(1), new DirectTransactionBoundary());

  @Test
  void eventsOlderThanTheRetentionGoAndYoungerOnesStay() {
    events.fileUploaded(TestFiles.fileOf(TestFiles.newUser()).build());
    clock.advance(Duration.ofHours(12));
    events.fileUploaded(TestFiles.fileOf(TestFiles.newUser()).build());
    clock.advance(Duration.ofHours(12));

    assertThat(purge.purge()).isZero(); // the first is exactly one day old: kept

    clock.advance(Duration.ofMillis(1));
    assertThat(purge.purge()).isEqualTo(1);
    assertThat(outbox.all()).extracting(Event::occurredAt)
        .containsExactly(clock.instant().minus(Duration.ofHours(12)).minusMillis(1));
  }
}
