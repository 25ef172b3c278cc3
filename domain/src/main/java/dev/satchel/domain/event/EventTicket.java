package dev.satchel.domain.event;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

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
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return "EventTicket[***]";
  }
}
