package dev.satchel.application.webhook;

import dev.satchel.domain.event.EventOutbox;
import dev.satchel.domain.event.StoredEvent;
import dev.satchel.domain.tx.TransactionBoundary;
import dev.satchel.domain.webhook.EventFormat;
import dev.satchel.domain.webhook.WebhookDeliveries;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Turns outbox events into webhook deliveries, one batch per transaction: lock the outbox cursor
 * (a replica that finds it locked does nothing: another one is at work), read the events after it
 * in the outbox's gap-free order, queue one delivery per matching webhook, move the cursor. The
 * deliveries and the cursor commit together, so every committed event is queued once, and a
 * crash only repeats a batch that never committed.
 */
public final class FanOutWebhookEventsService implements FanOutWebhookEventsUseCase {
  /** Events read per transaction. */
  public static final int BATCH = 500;

  private final EventOutbox outbox;
  private final WebhookDeliveries deliveries;
  private final EventFormat format;
  private final Clock clock;
  private final TransactionBoundary tx;

  public FanOutWebhookEventsService(EventOutbox outbox, WebhookDeliveries deliveries, EventFormat format, Clock clock,
      TransactionBoundary tx) {
    this.outbox = outbox;
    this.deliveries = deliveries;
    this.format = format;
    this.clock = clock;
    this.tx = tx;
  }

  @Override
  public int fanOut() {
    return tx.inTransaction(() -> deliveries.lockOutboxCursor().map(cursor -> {
      List<StoredEvent> events = outbox.readAfter(cursor, BATCH);
      Instant now = clock.instant();
      for (StoredEvent stored : events) {
        deliveries.enqueue(stored.event(), format.json(stored.event()), now);
      }
      if (!events.isEmpty()) {
        deliveries.moveOutboxCursor(events.getLast().position());
      }
      return events.size();
    }).orElse(0));
  }
}
