package dev.satchel.domain.tx;

import java.util.function.Supplier;

/**
 * Out-port: runs a unit of work in one database transaction. Use cases call it around their
 * metadata writes only, so slow blob transfers never hold a transaction open.
 */
public interface TransactionBoundary {
  <T> T inTransaction(Supplier<T> work);

  default void inTransaction(Runnable work) {
    inTransaction(
        () -> {
          work.run();
          return null;
        });
  }
}
