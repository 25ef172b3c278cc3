package dev.satchel.application.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.satchel.domain.event.EventTicket;
import dev.satchel.domain.testing.DirectTransactionBoundary;
import dev.satchel.domain.testing.InMemoryEventTickets;
import dev.satchel.domain.testing.MutableClock;
import dev.satchel.domain.testing.TestFiles;
import dev.satchel.domain.user.UserId;
import java.security.SecureRandom;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EventTicketServiceTest {
  private final MutableClock clock = MutableClock.at("2025-06-01T12:00:00Z");
  private final EventTicketService service =
      new EventTicketService(new InMemoryEventTickets(), new SecureRandom(), clock, new DirectTransactionBoundary());
  private final UserId owner = TestFiles.newUser();

  @Test
  void aTicketOpensOnceForItsOwner() {
    EventTicket ticket = service.issue(owner);

    assertThat(service.redeem(ticket.value())).contains(owner);
    assertThat(service.redeem(ticket.value())).isEmpty();
  }

  @Test
  void aTicketWorksForSixtySecondsOnly() {
    EventTicket late = service.issue(owner);
    EventTicket timely = service.issue(owner);
    clock.advance(Duration.ofSeconds(59));
    assertThat(service.redeem(timely.value())).contains(owner);

    clock.advance(Duration.ofSeconds(1));
    assertThat(service.redeem(late.value())).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "x", "%00", "' OR 1=1 --", "\u0000", "ticket\r\nX: y"})
  void anythingElseRedeemsNothing(String text) {
    service.issue(owner);
    assertThat(service.redeem(text)).isEmpty();
    assertThat(service.redeem("t".repeat(129))).isEmpty();
  }
}
