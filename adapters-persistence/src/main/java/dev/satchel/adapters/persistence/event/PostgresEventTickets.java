package dev.satchel.adapters.persistence.event;

import dev.satchel.domain.event.EventTickets;
import dev.satchel.domain.user.UserId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** {@link EventTickets} in the PostgreSQL table {@code event_tickets}; redeeming deletes the row. */
public final class PostgresEventTickets implements EventTickets {
  private final DataSource dataSource;

  public PostgresEventTickets(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void save(String ticketHash, UserId owner, Instant expiresAt) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement insert = c.prepareStatement(
            "INSERT INTO event_tickets (ticket_hash, owner_id, expires_at) VALUES (?, ?, ?)")) {
      insert.setString(1, ticketHash);
      insert.setObject(2, owner.value());
      insert.setTimestamp(3, Timestamp.from(expiresAt));
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("ticket not stored: " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<UserId> redeem(String ticketHash, Instant now) {
    // The row lock makes DELETE ... RETURNING answer one of two racing redemptions only.
    try (Connection c = dataSource.getConnection();
        PreparedStatement delete = c.prepareStatement(
            "DELETE FROM event_tickets WHERE ticket_hash = ? RETURNING owner_id, expires_at")) {
      delete.setString(1, ticketHash);
      try (ResultSet row = delete.executeQuery()) {
        if (!row.next() || !row.getTimestamp(2).toInstant().isAfter(now)) {
          return Optional.empty();
        }
        return Optional.of(new UserId(row.getObject(1, UUID.class)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("ticket not redeemed: " + e.getMessage(), e);
    }
  }

  @Override
  public int purgeExpired(Instant now) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement delete = c.prepareStatement("DELETE FROM event_tickets WHERE expires_at < ?")) {
      delete.setTimestamp(1, Timestamp.from(now));
      return delete.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("tickets not purged: " + e.getMessage(), e);
    }
  }
}
