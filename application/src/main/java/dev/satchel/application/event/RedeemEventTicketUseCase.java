package dev.satchel.application.event;

import dev.satchel.domain.user.UserId;
import java.util.Optional;

/** In-port: exchanges a ticket, once, for the user it was issued to. */
public interface RedeemEventTicketUseCase {
  /** @return the owner, or empty when the text is no live ticket (unknown, used, expired, malformed) */
  Optional<UserId> redeem(String ticket);
}
