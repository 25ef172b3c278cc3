package dev.satchel.domain.event;

import dev.satchel.domain.text.Sha256;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A single-use credential for opening the event WebSocket from a browser, which cannot set an
 * {@code Authorization} header on the upgrade: 256 bits from a CSPRNG, base64url. Only its
 * {@link #hash()} is stored.
 */
public record EventTicket(String value) {
  private static final int RANDOM_BYTES = 32;

  /** @throws IllegalArgumentException when empty or longer than 128 characters */
  public EventTicket {
    if (value == null || value.isEmpty() || value.length() > 128) {
      throw new IllegalArgumentException("not a ticket");
    }
  }

  public static EventTicket random(SecureRandom random) {
    byte[] bytes = new byte[RANDOM_BYTES];
    random.nextBytes(bytes);
    return new EventTicket(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  /** SHA-256 of the ticket, 64 lower-case hex digits: what the store keeps. */
  public String hash() {
    return Sha256.hex(value);
  }

  @Override
  public String toString() {
    return "EventTicket[***]";
  }
}
