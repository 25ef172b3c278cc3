package dev.satchel.application.event;

import dev.satchel.domain.event.EventTicket;
import dev.satchel.domain.user.UserId;
import java.time.Duration;

/** In-port: a single-use ticket for opening the event WebSocket without a header. */
public interface IssueEventTicketUseCase {
  /** Lifetime of a ticket (API.md: {@code expires_in} 60). */
  Duration LIFETIME = Duration.ofSeconds(60);

  EventTicket issue(UserId owner);
}
