package dev.satchel.domain.testing;

import dev.satchel.domain.id.IdGenerator;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Ids numbered 1, 2, 3… shaped as version-7 UUIDs, so they sort in the order they were made. */
public final class SequentialIdGenerator implements IdGenerator {
  private final AtomicLong last = new AtomicLong();

  @Override
  public UUID newId() {
    long n = last.incrementAndGet();
    return new UUID((n << 16) | 0x7000L, 0x8000_0000_0000_0000L | n);
  }
}
