package dev.satchel.adapters.persistence.lock;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.IntSupplier;
import java.util.OptionalInt;
import javax.sql.DataSource;

/**
 * Runs work on one replica at a time, using a PostgreSQL session-level advisory lock held on a
 * connection of its own: no extra infrastructure, and a crashed holder's lock dies with its
 * connection.
 */
@ApplicationScoped
public class PostgresAdvisoryLock {
  private final DataSource dataSource;

  public PostgresAdvisoryLock(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Runs {@code work} if the lock is free and returns its result; empty when another holds it. */
  public OptionalInt runExclusively(long lockKey, IntSupplier work) {
    try (Connection connection = dataSource.getConnection()) {
      if (!call(connection, "SELECT pg_try_advisory_lock(?)", lockKey)) {
        return OptionalInt.empty();
      }
      try {
        return OptionalInt.of(work.getAsInt());
      } finally {
        call(connection, "SELECT pg_advisory_unlock(?)", lockKey);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("advisory lock " + lockKey + " unavailable: " + e.getMessage(), e);
    }
  }

  private static boolean call(Connection connection, String sql, long key) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, key);
      try (ResultSet result = statement.executeQuery()) {
        return result.next() && result.getBoolean(1);
      }
    }
  }
}
