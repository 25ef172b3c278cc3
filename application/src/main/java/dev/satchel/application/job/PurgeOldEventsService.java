package dev.satchel.application.job;

import dev.satchel.domain.event.EventOutbox;
import dev.satchel.domain.event.EventTickets;
import dev.satchel.domain.tx.TransactionBoundary;
import java.time.Clock;
import java.time.Duration;

/**
 * Deletes events that occurred longer than the retention window ago (replay cannot reach them after)
 * and WebSocket tickets that expired unused.
 */
public final class PurgeOldEventsService implements PurgeOldEventsUseCase {
  private final EventOutbox outbox;
  private final EventTickets tickets;
  private final Clock clock;
  private final Duration retention;
  private final TransactionBoundary tx;

  public PurgeOldEventsService(
      EventOutbox outbox, EventTickets tickets, Clock clock, Duration retention, TransactionBoundary tx) {
    this.outbox = outbox;
    this.tickets = tickets;
    this.clock = clock;
    this.retention = retention;
    this.tx = tx;
  }

  @Override
  public int purge() {
    return tx.inTransaction(
        () -> outbox.purgeBefore(clock.instant().minus(retention)) + tickets.purgeExpired(clock.instant()));
  }
}
