package dev.satchel.domain.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.satchel.domain.testing.TestFiles;
import dev.satchel.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link EventOutbox} must show; one subclass per adapter. */
public abstract class EventOutboxContractTest {
  protected static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");
  private static final AtomicLong IDS = new AtomicLong();

  private EventOutbox outbox;
  private UserId alice;
  private UserId bob;

  /** A fresh outbox with no events; each call runs in its own committed transaction. */
  protected abstract EventOutbox newOutbox();

  /** A user that may own events; adapters with foreign keys create the account here. */
  protected UserId newOwner() {
    return TestFiles.newUser();
  }

  @BeforeEach
  void setUpOutbox() {
    outbox = newOutbox();
    alice = newOwner();
    bob = newOwner();
  }

  @Test
  void appendedEventsAreReadBackInOrderWithTheirData() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("file_id", "f-1");
    data.put("size", 3L);
    data.put("encrypted", false);
    data.put("filename", "\"ä\\ \u0001.txt");
    Event first = event(alice, EventType.FILE_UPLOADED, T0, data);
    Event second = event(alice, EventType.FILE_DELETED, T0.plusSeconds(1), Map.of("file_id", "f-1"));

    outbox.append(List.of(first));
    outbox.append(List.of(second));

    List<StoredEvent> read = outbox.readAfter(OutboxPosition.START, 10);
    assertThat(read).extracting(StoredEvent::event).containsExactly(first, second);
    assertThat(List.copyOf(read.getFirst().event().data().keySet()))
        .containsExactly("file_id", "size", "encrypted", "filename");
    assertThat(read.get(1).position().isAfter(read.get(0).position())).isTrue();
  }

  @Test
  void readingAfterAPositionReturnsOnlyLaterEventsUpToTheLimit() {
    for (int i = 0; i < 5; i++) {
      outbox.append(List.of(event(i % 2 == 0 ? alice : bob, EventType.SHARE_CREATED, T0, Map.of("n", (long) i))));
    }
    List<StoredEvent> all = outbox.readAfter(OutboxPosition.START, 100);
    assertThat(all).hasSize(5);

    List<StoredEvent> page = outbox.readAfter(all.get(1).position(), 2);

    assertThat(page).extracting(e -> e.event().data().get("n")).containsExactly(2L, 3L);
    assertThat(outbox.readAfter(all.getLast().position(), 10)).isEmpty();
    assertThat(outbox.head()).isEqualTo(all.getLast().position());
  }

  @Test
  void emptyOutboxHeadIsTheStart() {
    assertThat(outbox.head()).isEqualTo(OutboxPosition.START);
    assertThat(outbox.readAfter(OutboxPosition.START, 10)).isEmpty();
  }

  @Test
  void anOwnersReplayHoldsOnlyTheirLaterEvents() {
    Event a1 = event(alice, EventType.FILE_UPLOADED, T0, Map.of("n", 1L));
    Event b1 = event(bob, EventType.FILE_UPLOADED, T0, Map.of("n", 2L));
    Event a2 = event(alice, EventType.FILE_DELETED, T0, Map.of("n", 3L));
    Event a3 = event(alice, EventType.SHARE_CREATED, T0, Map.of("n", 4L));
    outbox.append(List.of(a1, b1));
    outbox.append(List.of(a2));
    outbox.append(List.of(a3));

    assertThat(outbox.readAfter(alice, a1.id(), 10)).hasValueSatisfying(
        replay -> assertThat(replay).extracting(StoredEvent::event).containsExactly(a2, a3));
    assertThat(outbox.readAfter(alice, a1.id(), 1)).hasValueSatisfying(
        replay -> assertThat(replay).extracting(StoredEvent::event).containsExactly(a2));
    assertThat(outbox.readAfter(alice, a3.id(), 10)).hasValueSatisfying(replay -> assertThat(replay).isEmpty());
    OutboxPosition afterA1 = outbox.readAfter(OutboxPosition.START, 1).getFirst().position();
    assertThat(outbox.readAfter(alice, afterA1, 10)).extracting(StoredEvent::event).containsExactly(a2, a3);
    assertThat(outbox.readAfter(bob, OutboxPosition.START, 10)).extracting(StoredEvent::event).containsExactly(b1);
  }

  @Test
  void aReplayFromAnUnknownOrForeignEventIsEmpty() {
    Event b1 = event(bob, EventType.FILE_UPLOADED, T0, Map.of());
    outbox.append(List.of(b1));

    assertThat(outbox.readAfter(alice, b1.id(), 10)).isEmpty();
    assertThat(outbox.readAfter(alice, new EventId(UUID.randomUUID()), 10)).isEmpty();
  }

  @Test
  void purgeRemovesOnlyEventsOlderThanTheCutoff() {
    Event old = event(alice, EventType.FILE_UPLOADED, T0, Map.of());
    Event recent = event(alice, EventType.FILE_DELETED, T0.plus(Duration.ofDays(2)), Map.of());
    outbox.append(List.of(old, recent));

    assertThat(outbox.purgeBefore(T0.plus(Duration.ofDays(1)))).isEqualTo(1);

    assertThat(outbox.readAfter(OutboxPosition.START, 10)).extracting(StoredEvent::event).containsExactly(recent);
    assertThat(outbox.readAfter(alice, old.id(), 10)).isEmpty();
  }

  /**
   * One append of many events (the download-count flush appends one per download), larger than any
   * one statement an adapter may split it into, with payload text that breaks naive array or JSON
   * quoting: every event comes back, in the order appended, with its exact data and time.
   */
  @Test
  void aLargeAppendKeepsItsOrderAndEveryPayloadExactly() {
    List<String> hostile = List.of("", "NULL", "null", "\"", "\\", "{}", "{\"a\":1}", "a,b", "}{", "'; DROP TABLE events; --",
        "\u0001\t\n", "ä ß 漢字 🙂", "\\\"", " ", "[1,2]", "\\N");
    UserId bob = new UserId(UUID.randomUUID());
    List<Event> batch = new java.util.ArrayList<>();
    for (int i = 0; i < 2_345; i++) {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("text", hostile.get(i % hostile.size()));
      data.put("download_count", (long) i);
      batch.add(event(i % 3 == 0 ? bob : alice, i % 2 == 0 ? EventType.SHARE_DOWNLOADED : EventType.SHARE_EXHAUSTED,
          T0.plusMillis(i * 7L), data));
    }

    outbox.append(batch);

    List<StoredEvent> read = outbox.readAfter(OutboxPosition.START, 5_000);
    assertThat(read).extracting(StoredEvent::event).containsExactlyElementsOf(batch);
    for (int i = 1; i < read.size(); i++) {
      assertThat(read.get(i).position().isAfter(read.get(i - 1).position())).isTrue();
    }
    assertThat(outbox.readAfter(bob, OutboxPosition.START, 5_000)).extracting(StoredEvent::event)
        .containsExactlyElementsOf(batch.stream().filter(e -> e.owner().equals(bob)).toList());
  }

  /** An event with a fresh time-ordered id. */
  protected static Event event(UserId owner, EventType type, Instant at, Map<String, Object> data) {
    long n = IDS.incrementAndGet();
    UUID id = new UUID((System.currentTimeMillis() << 16) | 0x7000L, 0x8000_0000_0000_0000L | n);
    return new Event(new EventId(id), owner, type, at, data);
  }
}
