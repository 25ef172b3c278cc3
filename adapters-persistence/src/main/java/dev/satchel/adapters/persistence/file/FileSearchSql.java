package dev.satchel.adapters.persistence.file;

import dev.satchel.domain.file.FileQuery;
import dev.satchel.domain.file.PageCursor;
import dev.satchel.domain.file.SortOrder;
import dev.satchel.domain.file.TypeFilter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Builds the keyset-paged search statement from fixed SQL fragments; every user-supplied value
 * travels as a bind parameter, never as SQL text.
 */
final class FileSearchSql {
  private final StringJoiner where = new StringJoiner(" AND ");
  private final Map<String, Object> parameters = new LinkedHashMap<>();
  private final String sql;

  FileSearchSql(FileQuery query) {
    where.add("owner_id = :owner").add("deleted_at IS NULL");
    parameters.put("owner", query.owner().value());
    query.nameContains().ifPresent(name -> bind("filename_lower LIKE :name ESCAPE '\\'", "name",
        "%" + escapeLike(name.toLowerCase(java.util.Locale.ROOT)) + "%"));
    query.type().ifPresent(this::typeCondition);
    query.uploadedAfter().ifPresent(t -> bind("uploaded_at >= :after", "after", t));
    query.uploadedBefore().ifPresent(t -> bind("uploaded_at < :before", "before", t));
    query.minSize().ifPresent(s -> bind("size_bytes >= :minSize", "minSize", s));
    query.maxSize().ifPresent(s -> bind("size_bytes <= :maxSize", "maxSize", s));
    String column = switch (query.sort()) {
      case UPLOAD_DATE -> "uploaded_at";
      case NAME -> "filename_lower COLLATE \"C\"";
      case SIZE -> "size_bytes";
    };
    String direction = query.order() == SortOrder.ASC ? "ASC" : "DESC";
    query.after().ifPresent(cursor -> keyset(column, query.order(), cursor));
    parameters.put("limit", query.limit() + 1);
    sql = "SELECT * FROM files WHERE " + where
        + " ORDER BY " + column + " " + direction + ", id " + direction + " LIMIT :limit";
  }

  String sql() {
    return sql;
  }

  Map<String, Object> parameters() {
    return parameters;
  }

  private void typeCondition(TypeFilter type) {
    switch (type) {
      case TypeFilter.Extension e -> bind("extension = :extension", "extension", e.extension());
      case TypeFilter.Exact e -> bind("content_type = :contentType", "contentType", e.mediaType().value());
      case TypeFilter.Family f -> bind("content_type LIKE :family", "family", escapeLike(f.family()) + "/%");
    }
  }

  // A row-value comparison lets PostgreSQL walk the (owner, key, id) index from the cursor on.
  private void keyset(String column, SortOrder order, PageCursor cursor) {
    Object key = switch (cursor.sort()) {
      case UPLOAD_DATE -> cursor.lastUploadedAt();
      case NAME -> cursor.lastKey();
      case SIZE -> cursor.lastSize();
    };
    String comparison = order == SortOrder.ASC ? ">" : "<";
    where.add("(" + column + ", id) " + comparison + " (:cursorKey, :cursorId)");
    parameters.put("cursorKey", key);
    parameters.put("cursorId", cursor.lastId());
  }

  private void bind(String condition, String name, Object value) {
    where.add(condition);
    parameters.put(name, value);
  }

  static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
