package dev.satchel.application.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.satchel.domain.event.Event;
import dev.satchel.domain.event.EventId;
import dev.satchel.domain.event.OutboxPosition;
import dev.satchel.domain.testing.InMemoryEventOutbox;
import dev.satchel.domain.testing.MutableClock;
import dev.satchel.domain.testing.SequentialIdGenerator;
import dev.satchel.domain.testing.TestFiles;
import dev.satchel.domain.user.UserId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventFanOutTest {
  private final MutableClock clock = MutableClock.at("2025-06-01T12:00:00Z");
  private final InMemoryEventOutbox outbox = new InMemoryEventOutbox();
  private final EventRecorder events = new EventRecorder(outbox, new SequentialIdGenerator(), clock);
  private final EventFanOut fanOut = new EventFanOut(outbox, 3, Duration.ofMillis(10));
  private final UserId alice = TestFiles.newUser();
  private final UserId bob = TestFiles.newUser();

  /** A consumer with room for {@code room} events. */
  private static final class Recorder implements EventSink {
    final List<Event> received = new ArrayList<>();
    int room;
    boolean dropped;

    Recorder(int room) {
      this.room = room;
    }

    @Override
    public boolean offer(Event event) {
      if (received.size() >= room) {
        return false;
      }
      return received.add(event);
    }

    @Override
    public boolean offer(Event event, Duration patience) {
      return offer(event);
    }

    @Override
    public void dropped() {
      dropped = true;
    }
  }

  @Test
  void eachConsumerGetsOnlyItsOwnersNewEventsOnce() throws Exception {
    uploadBy(alice); // before anyone listens: not live news
    Recorder a = new Recorder(100);
    Recorder b = new Recorder(100);
    fanOut.subscribe(alice, Optional.empty(), a);
    fanOut.subscribe(bob, Optional.empty(), b);

    uploadBy(alice);
    uploadBy(bob);
    uploadBy(alice);
    fanOut.deliverNew();
    fanOut.deliverNew();

    assertThat(a.received).hasSize(2).allMatch(e -> e.owner().equals(alice));
    assertThat(b.received).singleElement().matches(e -> e.owner().equals(bob));
  }

  @Test
  void replayFromALastEventIdJoinsTheLiveStreamWithoutGapOrRepeat() throws Exception {
    Recorder first = new Recorder(100);
    fanOut.subscribe(alice, Optional.empty(), first);
    uploadBy(alice);
    fanOut.deliverNew();
    EventId seen = first.received.getLast().id();
    uploadBy(alice); // missed while disconnected
    uploadBy(bob);
    uploadBy(alice); // committed, not yet fanned out when the consumer comes back

    Recorder back = new Recorder(100);
    fanOut.subscribe(alice, Optional.of(seen), back);
    uploadBy(alice);
    fanOut.deliverNew();

    List<Event> alices = outbox.all().stream().filter(e -> e.owner().equals(alice)).toList();
    assertThat(back.received).containsExactlyElementsOf(alices.subList(1, alices.size()));
  }

  @Test
  void aConsumerSubscribedFromAnEarlierMomentGetsEverythingCommittedSince() throws Exception {
    uploadBy(alice);
    OutboxPosition accepted = fanOut.now(); // the WebSocket upgrade is accepted here
    uploadBy(alice); // the client acts at once; the fan-out passes it with nobody to tell
    fanOut.deliverNew();

    Recorder late = new Recorder(100);
    fanOut.subscribe(alice, accepted, late); // the endpoint finally runs
    uploadBy(alice);
    fanOut.deliverNew();

    assertThat(late.received).containsExactlyElementsOf(outbox.all().subList(1, 3));
  }

  @Test
  void anUnknownLastEventIdReplaysNothingAndStreamsLive() throws Exception {
    uploadBy(alice);
    Recorder consumer = new Recorder(100);
    fanOut.subscribe(alice, Optional.of(new EventId(UUID.randomUUID())), consumer);
    uploadBy(alice);
    fanOut.deliverNew();

    assertThat(consumer.received).containsExactly(outbox.all().getLast());
  }

  @Test
  void aConsumerThatCannotKeepUpIsDroppedAndGetsNothingMore() throws Exception {
    Recorder slow = new Recorder(2);
    Recorder fast = new Recorder(100);
    fanOut.subscribe(alice, Optional.empty(), slow);
    fanOut.subscribe(alice, Optional.empty(), fast);

    for (int i = 0; i < 4; i++) {
      uploadBy(alice);
    }
    fanOut.deliverNew();

    assertThat(slow.dropped).isTrue();
    assertThat(slow.received).hasSize(2);
    assertThat(fast.received).hasSize(4);
    assertThat(fanOut.dropped()).isEqualTo(1);
    assertThat(fanOut.consumers()).isEqualTo(1);
  }

  @Test
  void aClosedSubscriptionReceivesNothing() throws Exception {
    Recorder consumer = new Recorder(100);
    fanOut.subscribe(alice, Optional.empty(), consumer).close();
    uploadBy(alice);
    fanOut.deliverNew();

    assertThat(consumer.received).isEmpty();
    assertThat(fanOut.consumers()).isZero();
  }

  private void uploadBy(UserId owner) {
    events.fileUploaded(TestFiles.fileOf(owner).build());
  }
}
