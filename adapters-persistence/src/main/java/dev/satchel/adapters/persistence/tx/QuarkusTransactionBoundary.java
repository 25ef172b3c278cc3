package dev.satchel.adapters.persistence.tx;

import dev.satchel.domain.tx.TransactionBoundary;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/**
 * Runs use-case work in a JTA transaction, joining one already open so that a use case's writes
 * commit or roll back together; any exception rolls it back.
 */
@ApplicationScoped
public class QuarkusTransactionBoundary implements TransactionBoundary {
  @Override
  public <T> T inTransaction(Supplier<T> work) {
    return QuarkusTransaction.joiningExisting().call(work::get);
  }
}
