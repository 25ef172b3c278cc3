package dev.satchel.domain.testing;

import dev.satchel.domain.tx.TransactionBoundary;
import java.util.function.Supplier;

/** Runs the work at once: the in-memory fakes need no transaction. */
public final class DirectTransactionBoundary implements TransactionBoundary {
  @Override
  public <T> T inTransaction(Supplier<T> work) {
    return work.get();
  }
}
