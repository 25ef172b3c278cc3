package dev.satchel.application.event;

import dev.satchel.domain.event.EventTicket;
import dev.satchel.domain.event.EventTickets;
import dev.satchel.domain.tx.TransactionBoundary;
import dev.satchel.domain.user.UserId;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;

/** Issues WebSocket tickets valid {@link IssueEventTicketUseCase#LIFETIME} and redeems each once. */
public final class EventTicketService implements IssueEventTicketUseCase, RedeemEventTicketUseCase {
  private final EventTickets tickets;
  private final SecureRandom random;
  private final Clock clock;
  private final TransactionBoundary tx;

  public EventTicketService(EventTickets tickets, SecureRandom random, Clock clock, TransactionBoundary tx) {
    this.tickets = tickets;
    this.random = random;
    this.clock = clock;
    this.tx = tx;
  }

  @Override
  public EventTicket issue(UserId owner) {
    EventTicket ticket = EventTicket.random(random);
    tx.inTransaction(() -> tickets.save(ticket.hash(), owner, clock.instant().plus(LIFETIME)));
    return ticket;
  }

  @Override
  public Optional<UserId> redeem(String ticket) {
    EventTicket candidate;
    try {
      candidate = new EventTicket(ticket);
    } catch (IllegalArgumentException malformed) {
      return Optional.empty();
    }
    return tx.inTransaction(() -> tickets.redeem(candidate.hash(), clock.instant()));
  }
}
