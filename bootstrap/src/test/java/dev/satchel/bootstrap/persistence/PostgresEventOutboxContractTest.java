package dev.satchel.bootstrap.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.satchel.adapters.persistence.event.PostgresEventOutbox;
import dev.satchel.bootstrap.Db;
import dev.satchel.bootstrap.TestEnvironmentResource;
import dev.satchel.domain.event.Event;
import dev.satchel.domain.event.EventOutbox;
import dev.satchel.domain.event.EventOutboxContractTest;
import dev.satchel.domain.event.EventType;
import dev.satchel.domain.event.OutboxPosition;
import dev.satchel.domain.event.StoredEvent;
import dev.satchel.domain.user.UserId;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The outbox contract on PostgreSQL, plus what only a real database can show: concurrent commits. */
@QuarkusTest
@WithTestResource(value = TestEnvironmentResource.class, scope = TestResourceScope.GLOBAL)
class PostgresEventOutboxContractTest extends EventOutboxContractTest {
  @Inject PostgresEventOutbox postgres;

  @Override
  protected EventOutbox newOutbox() {
    try {
      Db.update("TRUNCATE satchel.events");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return EachCallInItsTransaction.wrap(EventOutbox.class, postgres);
  }

  /**
   * The race a position-ordered reader loses: A takes the smaller position but commits after B. A
   * reader that has seen B must still get A, so B stays unread until A has ended.
   */
  @Test
  void anEventCommittedAfterALaterPositionedOneIsNeverSkipped() throws SQLException {
    EventOutbox outbox = newOutbox();
    UserId owner = new UserId(UUID.randomUUID());
    try (Connection slow = Db.connect()) {
      slow.setAutoCommit(false);
      UUID slowId = UUID.randomUUID();
      try (PreparedStatement insert = slow.prepareStatement("INSERT INTO satchel.events"
          + " (id, owner_id, type, occurred_at, data) VALUES (?, ?, 'file.uploaded', ?, CAST('{}' AS json))")) {
        insert.setObject(1, slowId);
        insert.setObject(2, owner.value());
        insert.setTimestamp(3, Timestamp.from(T0));
        insert.executeUpdate();
      }
      Event fast = event(owner, EventType.FILE_DELETED, T0, Map.of());
      outbox.append(List.of(fast));

      assertThat(outbox.readAfter(OutboxPosition.START, 10)).isEmpty();
      assertThat(outbox.head()).isEqualTo(OutboxPosition.START);

      slow.commit();

      List<StoredEvent> read = outbox.readAfter(OutboxPosition.START, 10);
      assertThat(read).extracting(e -> e.event().id().value()).containsExactly(slowId, fast.id().value());
      assertThat(outbox.head()).isEqualTo(read.getLast().position());
    }
  }

  @Test
  void aRolledBackAppendLeavesNothingAndTellsNoListener() {
    EventOutbox outbox = newOutbox();
    AtomicInteger commits = new AtomicInteger();
    postgres.whenCommitted(commits::incrementAndGet);
    Event event = event(new UserId(UUID.randomUUID()), EventType.FILE_UPLOADED, T0, Map.of());

    assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
      postgres.append(List.of(event));
      throw new IllegalStateException("the change failed after its event was written");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(outbox.readAfter(OutboxPosition.START, 10)).isEmpty();
    assertThat(commits).hasValue(0);

    QuarkusTransaction.requiringNew().run(() -> postgres.append(List.of(event)));
    assertThat(commits).hasValue(1);
  }

  @Test
  void appendingOutsideATransactionIsRefused() {
    Event event = event(new UserId(UUID.randomUUID()), EventType.FILE_UPLOADED, T0, Map.of());

    assertThatThrownBy(() -> postgres.append(List.of(event))).isInstanceOf(IllegalStateException.class);
  }
}
