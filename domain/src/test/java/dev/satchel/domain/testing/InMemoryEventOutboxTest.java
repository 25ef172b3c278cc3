package dev.satchel.domain.testing;

import dev.satchel.domain.event.EventOutbox;
import dev.satchel.domain.event.EventOutboxContractTest;

/** The fake keeps the same contract as the PostgreSQL adapter, so service tests can trust it. */
class InMemoryEventOutboxTest extends EventOutboxContractTest {
  @Override
  protected EventOutbox newOutbox() {
    return new InMemoryEventOutbox();
  }
}
