package dev.satchel.adapters.persistence.upload;

import dev.satchel.domain.file.FileId;
import dev.satchel.domain.file.FileName;
import dev.satchel.domain.upload.ResumableUpload;
import dev.satchel.domain.upload.ResumableUploadRepository;
import dev.satchel.domain.upload.UploadId;
import dev.satchel.domain.user.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * PostgreSQL-backed {@link ResumableUploadRepository} (table {@code resumable_uploads}, migration
 * V5), in plain JDBC on the datasource, whose connections join the caller's transaction. Leases are
 * taken and checked by conditional UPDATEs: PostgreSQL's row lock makes check and write one step.
 */
@ApplicationScoped
public class JdbcResumableUploadRepository implements ResumableUploadRepository {
  private static final String COLUMNS = "id, owner_id, upload_length, upload_offset, filename, filetype,"
      + " created_at, expires_at, staging_state, file_id";

  private final DataSource dataSource;

  public JdbcResumableUploadRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void add(ResumableUpload u) {
    update("INSERT INTO resumable_uploads (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        u.id().value(), u.owner().value(), u.length(), u.offset(), u.filename().value(), u.filetype().orElse(null),
        Timestamp.from(u.createdAt()), Timestamp.from(u.expiresAt()), u.stagingState(),
        u.file().map(FileId::value).orElse(null));
  }

  @Override
  public Optional<ResumableUpload> find(UploadId id) {
    return query("SELECT " + COLUMNS + " FROM resumable_uploads WHERE id = ?", id.value()).stream().findFirst();
  }

  @Override
  public boolean claim(UploadId id, UUID token, Instant now, Instant leaseUntil) {
    return update("UPDATE resumable_uploads SET lease_token = ?, lease_expires_at = ?"
            + " WHERE id = ? AND file_id IS NULL AND (lease_token IS NULL OR lease_expires_at <= ?)",
        token, Timestamp.from(leaseUntil), id.value(), Timestamp.from(now)) == 1;
  }

  @Override
  public Set<UUID> renewAll(Collection<UUID> tokens, Instant leaseUntil) {
    if (tokens.isEmpty()) {
      return Set.of();
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(
            "UPDATE resumable_uploads SET lease_expires_at = ? WHERE lease_token = ANY(?) RETURNING lease_token")) {
      statement.setTimestamp(1, Timestamp.from(leaseUntil));
      statement.setArray(2, connection.createArrayOf("uuid", tokens.toArray()));
      Set<UUID> renewed = new HashSet<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          renewed.add(rows.getObject(1, UUID.class));
        }
      }
      return renewed;
    } catch (SQLException e) {
      throw new IllegalStateException("resumable upload leases not renewed", e);
    }
  }

  @Override
  public boolean advance(UploadId id, UUID token, long offset, String stagingState) {
    return update("UPDATE resumable_uploads SET upload_offset = ?, staging_state = ?, lease_token = NULL,"
            + " lease_expires_at = NULL WHERE id = ? AND lease_token = ?",
        offset, stagingState, id.value(), token) == 1;
  }

  @Override
  public boolean restage(UploadId id, UUID token, String stagingState) {
    return update("UPDATE resumable_uploads SET staging_state = ? WHERE id = ? AND lease_token = ?",
        stagingState, id.value(), token) == 1;
  }

  @Override
  public boolean complete(UploadId id, UUID token, FileId file) {
    return update("UPDATE resumable_uploads SET upload_offset = upload_length, file_id = ?, lease_token = NULL,"
            + " lease_expires_at = NULL WHERE id = ? AND lease_token = ?",
        file.value(), id.value(), token) == 1;
  }

  @Override
  public void release(UploadId id, UUID token) {
    update("UPDATE resumable_uploads SET lease_token = NULL, lease_expires_at = NULL WHERE id = ? AND lease_token = ?",
        id.value(), token);
  }

  @Override
  public void delete(UploadId id) {
    update("DELETE FROM resumable_uploads WHERE id = ?", id.value());
  }

  @Override
  public List<ResumableUpload> expiredBy(Instant now, int limit) {
    return query("SELECT " + COLUMNS + " FROM resumable_uploads WHERE expires_at <= ? ORDER BY expires_at LIMIT ?",
        Timestamp.from(now), limit);
  }

  @Override
  public long pendingBytes(UserId owner, Instant now) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = prepare(connection, "SELECT COALESCE(SUM(upload_length), 0)"
            + " FROM resumable_uploads WHERE owner_id = ? AND file_id IS NULL AND expires_at > ?",
            owner.value(), Timestamp.from(now));
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("resumable upload query failed", e);
    }
  }

  private int update(String sql, Object... parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = prepare(connection, sql, parameters)) {
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("resumable upload update failed", e);
    }
  }

  private List<ResumableUpload> query(String sql, Object... parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = prepare(connection, sql, parameters);
        ResultSet rows = statement.executeQuery()) {
      List<ResumableUpload> found = new ArrayList<>();
      while (rows.next()) {
        found.add(toDomain(rows));
      }
      return found;
    } catch (SQLException e) {
      throw new IllegalStateException("resumable upload query failed", e);
    }
  }

  private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    for (int i = 0; i < parameters.length; i++) {
      statement.setObject(i + 1, parameters[i]);
    }
    return statement;
  }

  private static ResumableUpload toDomain(ResultSet row) throws SQLException {
    return new ResumableUpload(
        new UploadId(row.getObject("id", UUID.class)),
        new UserId(row.getObject("owner_id", UUID.class)),
        row.getLong("upload_length"),
        row.getLong("upload_offset"),
        new FileName(row.getString("filename")),
        Optional.ofNullable(row.getString("filetype")),
        row.getTimestamp("created_at").toInstant(),
        row.getTimestamp("expires_at").toInstant(),
        row.getString("staging_state"),
        Optional.ofNullable(row.getObject("file_id", UUID.class)).map(FileId::new));
  }
}
