package dev.satchel.adapters.storage.crypto;

import dev.satchel.domain.error.StorageUnavailable;
import dev.satchel.domain.storage.StorageKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Keeps wrapped data keys in PostgreSQL table {@code blob_data_keys} (migration V3), each statement
 * on its own auto-committed connection: the blob write it follows is not transactional either.
 */
public final class PostgresDataKeyStore implements DataKeyStore {
  private static final String FAILED = "data key store failed";

  private final DataSource dataSource;

  public PostgresDataKeyStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void save(WrappedDataKey key) {
    update("""
        INSERT INTO blob_data_keys (storage_key, key_id, wrapped_key, ciphertext_length) VALUES (?, ?, ?, ?)
        ON CONFLICT (storage_key) DO UPDATE SET key_id = excluded.key_id, wrapped_key = excluded.wrapped_key,
            ciphertext_length = excluded.ciphertext_length""",
        key.storageKey().value(), key.keyId(), key.wrapped(), key.ciphertextLength());
  }

  @Override
  public Optional<WrappedDataKey> find(StorageKey key) {
    List<WrappedDataKey> found = query(
        "SELECT storage_key, key_id, wrapped_key, ciphertext_length FROM blob_data_keys WHERE storage_key = ?",
        key.value());
    return found.stream().findFirst();
  }

  @Override
  public void delete(StorageKey key) {
    update("DELETE FROM blob_data_keys WHERE storage_key = ?", key.value());
  }

  @Override
  public List<WrappedDataKey> wrappedByOtherThan(String keyId, String after, int limit) {
    return query("""
        SELECT storage_key, key_id, wrapped_key, ciphertext_length FROM blob_data_keys
        WHERE key_id <> ? AND storage_key > ? ORDER BY storage_key COLLATE "C" LIMIT ?""", keyId, after, limit);
  }

  @Override
  public boolean replace(String expectedKeyId, WrappedDataKey rewrapped) {
    return update("UPDATE blob_data_keys SET key_id = ?, wrapped_key = ? WHERE storage_key = ? AND key_id = ?",
        rewrapped.keyId(), rewrapped.wrapped(), rewrapped.storageKey().value(), expectedKeyId) == 1;
  }

  @Override
  public boolean any() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM blob_data_keys)");
        ResultSet rs = s.executeQuery()) {
      return rs.next() && rs.getBoolean(1);
    } catch (SQLException e) {
      throw new StorageUnavailable(FAILED, e);
    }
  }

  @Override
  public Map<String, Long> countByKeyId() {
    // Only blobs that back a stored file: a blob whose upload failed is about to be swept.
    String sql = """
        SELECT k.key_id, count(*) FROM blob_data_keys k JOIN files f ON f.storage_key = k.storage_key
        GROUP BY k.key_id ORDER BY k.key_id""";
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql);
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        counts.put(rs.getString(1), rs.getLong(2));
      }
      return counts;
    } catch (SQLException e) {
      throw new StorageUnavailable(FAILED, e);
    }
  }

  private int update(String sql, Object... parameters) {
    try (Connection c = dataSource.getConnection(); PreparedStatement s = prepare(c, sql, parameters)) {
      return s.executeUpdate();
    } catch (SQLException e) {
      throw new StorageUnavailable(FAILED, e);
    }
  }

  private List<WrappedDataKey> query(String sql, Object... parameters) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = prepare(c, sql, parameters);
        ResultSet rs = s.executeQuery()) {
      List<WrappedDataKey> keys = new ArrayList<>();
      while (rs.next()) {
        keys.add(new WrappedDataKey(new StorageKey(rs.getString(1)), rs.getString(2), rs.getBytes(3), rs.getLong(4)));
      }
      return keys;
    } catch (SQLException e) {
      throw new StorageUnavailable(FAILED, e);
    }
  }

  private static PreparedStatement prepare(Connection c, String sql, Object... parameters) throws SQLException {
    PreparedStatement s = c.prepareStatement(sql);
    try {
      for (int i = 0; i < parameters.length; i++) {
        s.setObject(i + 1, parameters[i]);
      }
      return s;
    } catch (SQLException e) {
      s.close();
      throw e;
    }
  }
}
