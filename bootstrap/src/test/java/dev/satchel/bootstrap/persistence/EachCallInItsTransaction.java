package dev.satchel.bootstrap.persistence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * Wraps a JPA adapter so that each port call runs in its own committed transaction, as the
 * in-memory fakes behave: the port contracts call repositories directly, while the adapters leave
 * the transaction to their callers.
 */
final class EachCallInItsTransaction {
  private EachCallInItsTransaction() {}

  static <T> T wrap(Class<T> port, T adapter) {
    Object proxy = Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (self, method, args) -> {
      if (method.getDeclaringClass() == Object.class) {
        return method.invoke(adapter, args);
      }
      return QuarkusTransaction.requiringNew().call(() -> {
        try {
          return method.invoke(adapter, args);
        } catch (InvocationTargetException e) {
          throw e.getCause() instanceof Exception cause ? cause : new IllegalStateException(e.getCause());
        }
      });
    });
    return port.cast(proxy);
  }
}
