package dev.satchel.application.webhook;

import dev.satchel.domain.event.EventOutbox;
import dev.satchel.domain.event.OutboxPosition;
import dev.satchel.domain.event.StoredEvent;
import dev.satchel.domain.tx.TransactionBoundary;
import dev.satchel.domain.webhook.EventFormat;
import dev.satchel.domain.webhook.WebhookDeliveries;
import dev.satchel.domain.webhook.WebhookRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Turns outbox events into webhook deliveries, one batch per transaction: lock the outbox cursor
 * (a replica that finds it locked does nothing: another one is at work), read the events after it
 * in the outbox's gap-free order, queue one delivery per matching webhook, move the cursor. The
 * deliveries and the cursor commit together, so every committed event is queued once, and a
 * crash only repeats a batch that never committed. While no webhook exists the cursor is moved
 * to the outbox's head instead ({@link #anyWebhook()}): a webhook registration takes the same lock
 * and stamps its creation time under it, so no event it must receive can be skipped that way.
 */
public final class FanOutWebhookEventsService implements FanOutWebhookEventsUseCase {
  /** Events read per transaction. */
  public static final int BATCH = 500;

  private final EventOutbox outbox;
  private final WebhookDeliveries deliveries;
  private final WebhookRepository webhooks;
  private final EventFormat format;
  private final Clock clock;
  private final TransactionBoundary tx;

  public FanOutWebhookEventsService(EventOutbox outbox, WebhookDeliveries deliveries, WebhookRepository webhooks,
      EventFormat format, Clock clock, TransactionBoundary tx) {
    this.outbox = outbox;
    this.deliveries = deliveries;
    this.webhooks = webhooks;
    this.format = format;
    this.clock = clock;
    this.tx = tx;
  }

  @Override
  public Batch fanOut() {
    return tx.inTransaction(() -> deliveries.lockOutboxCursor().map(cursor -> {
      List<StoredEvent> events = outbox.readAfter(cursor, BATCH);
      Instant now = clock.instant();
      int queued = 0;
      for (StoredEvent stored : events) {
        queued += deliveries.enqueue(stored.event(), format.json(stored.event()), now);
      }
      if (!events.isEmpty()) {
        deliveries.moveOutboxCursor(events.getLast().position());
      }
      return new Batch(events.size(), queued);
    }).orElse(Batch.NONE));
  }

  @Override
  public boolean anyWebhook() {
    return tx.inTransaction(() -> {
      // The head is read under the cursor lock and before looking for webhooks: a registration
      // committed before that look is seen (nothing skipped); one committed after it waited for
      // this lock and stamps a creation time later than every event up to this head.
      Optional<OutboxPosition> cursor = deliveries.lockOutboxCursor(); // empty: another replica is at it
      Optional<OutboxPosition> head = cursor.map(locked -> outbox.head());
      if (webhooks.anyExists()) {
        return true;
      }
      head.filter(h -> h.isAfter(cursor.get())).ifPresent(deliveries::moveOutboxCursor);
      return false;
    });
  }
}
