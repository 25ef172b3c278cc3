package dev.satchel.domain.event;

import dev.satchel.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;

/** Out-port: issued WebSocket tickets, shared by every replica so each is redeemed once anywhere. */
public interface EventTickets {
  /** Keeps a ticket (by its hash) for {@code owner} until {@code expiresAt}. */
  void save(String ticketHash, UserId owner, Instant expiresAt);

  /**
   * Atomically takes the ticket out: of two concurrent redemptions, on any replicas, one wins.
   *
   * @return its owner when it existed and had not expired at {@code now}
   */
  Optional<UserId> redeem(String ticketHash, Instant now);

  /** Forgets tickets that expired before {@code now} unused; returns how many. */
  int purgeExpired(Instant now);
}
