package dev.satchel.domain.testing;

import dev.satchel.domain.event.EventTickets;
import dev.satchel.domain.user.UserId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Tickets in a map, for service tests. */
public final class InMemoryEventTickets implements EventTickets {
  private record Issued(UserId owner, Instant expiresAt) {}

  private final Map<String, Issued> tickets = new HashMap<>();

  @Override
  public synchronized void save(String ticketHash, UserId owner, Instant expiresAt) {
    tickets.put(ticketHash, new Issued(owner, expiresAt));
  }

  @Override
  public synchronized Optional<UserId> redeem(String ticketHash, Instant now) {
    return Optional.ofNullable(tickets.remove(ticketHash)).filter(t -> t.expiresAt().isAfter(now)).map(Issued::owner);
  }

  @Override
  public synchronized int purgeExpired(Instant now) {
    int before = tickets.size();
    tickets.values().removeIf(t -> t.expiresAt().isBefore(now));
    return before - tickets.size();
  }
}
