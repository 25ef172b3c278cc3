package dev.satchel.bootstrap.persistence;

import dev.satchel.bootstrap.Db;
import dev.satchel.domain.file.FileId;
import dev.satchel.domain.storage.StorageKey;
import dev.satchel.domain.user.UserId;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/** Rows the repository contracts need to exist (foreign keys), written with plain SQL. */
final class Tables {
  private Tables() {}

  /** Empties Satchel's tables (every table hangs off a user) so a contract test starts from nothing. */
  static void truncate() {
    try {
      Db.update("TRUNCATE satchel.users CASCADE");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static UserId newUser() {
    UUID id = UUID.randomUUID();
    try {
      Db.update("INSERT INTO satchel.users (id, email, email_normalized, password_hash, created_at)"
          + " VALUES (?, ?, ?, 'x', ?)", id, id + "@example.com", id + "@example.com", Timestamp.from(Instant.now()));
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return new UserId(id);
  }

  static FileId newFile(UserId owner) {
    UUID id = UUID.randomUUID();
    try {
      Db.update("INSERT INTO satchel.files (id, owner_id, filename, filename_lower, extension, size_bytes,"
          + " content_type, checksum_sha256, storage_key, uploaded_at) VALUES (?, ?, 'f.bin', 'f.bin', 'bin', 1,"
          + " 'application/octet-stream', ?, ?, ?)", id, owner.value(), "0".repeat(64), StorageKey.forBlob(id).value(),
          Timestamp.from(Instant.now()));
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return new FileId(id);
  }
}
