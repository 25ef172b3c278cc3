package dev.satchel.domain.event;

import java.util.Comparator;

/**
 * Where an event stands in the outbox's delivery order: first the writing transaction's id, then
 * the row's sequence number within the outbox. Ordered like that, a reader that only reads
 * events of finished transactions never meets a new event behind one it has passed (see
 * {@link EventOutbox#readAfter(OutboxPosition, int)}); the sequence alone would not do, because
 * concurrent transactions commit their sequence numbers out of order.
 *
 * @param transaction the writing transaction's 64-bit id (PostgreSQL {@code xid8}), &gt;= 0
 * @param sequence the row's number within the outbox, &gt;= 0
 */
public record OutboxPosition(long transaction, long sequence) implements Comparable<OutboxPosition> {
  /** Before every event. */
  public static final OutboxPosition START = new OutboxPosition(0, 0);

  private static final Comparator<OutboxPosition> ORDER =
      Comparator.comparingLong(OutboxPosition::transaction).thenComparingLong(OutboxPosition::sequence);

  public OutboxPosition {
    if (transaction < 0 || sequence < 0) {
      throw new IllegalArgumentException("outbox positions are not negative");
    }
  }

  @Override
  public int compareTo(OutboxPosition other) {
    return ORDER.compare(this, other);
  }

  /** Whether this position comes after {@code other}. */
  public boolean isAfter(OutboxPosition other) {
    return compareTo(other) > 0;
  }
}
