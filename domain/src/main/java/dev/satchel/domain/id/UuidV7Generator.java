package dev.satchel.domain.id;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * RFC 9562 version 7 UUIDs: 48 bits of Unix milliseconds, then random bits, so ids sort by
 * creation time.
 */
public final class UuidV7Generator implements IdGenerator {
  private final Clock clock;
  private final SecureRandom random;

  public UuidV7Generator(Clock clock, SecureRandom random) {
    this.clock = clock;
    this.random = random;
  }

  @Override
  public UUID newId() {
    long millis = clock.millis();
    long randA = random.nextInt(1 << 12);
    long mostSignificant = (millis << 16) | 0x7000L | randA;
    long leastSignificant = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(mostSignificant, leastSignificant);
  }
}
