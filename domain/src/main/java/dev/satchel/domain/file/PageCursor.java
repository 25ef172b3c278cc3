package dev.satchel.domain.file;

import dev.satchel.domain.error.InvalidInput;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a page ended: the last row's sort key and id, for keyset paging that never skips or
 * repeats a row while files come and go. Its text form is opaque to clients (base64url).
 */
public record PageCursor(SortField sort, SortOrder order, String lastKey, UUID lastId) {
  private static final String VERSION = "1";

  /** The cursor after {@code last} in a listing sorted by {@code sort}. */
  public static PageCursor after(FileMetadata last, SortField sort, SortOrder order) {
    String key = switch (sort) {
      case UPLOAD_DATE -> last.uploadedAt().toString();
      case NAME -> last.filename().sortKey();
      case SIZE -> Long.toString(last.size());
    };
    return new PageCursor(sort, order, key, last.id().value());
  }

  public String encode() {
    String plain = String.join("\n", VERSION, sort.name(), order.name(), lastId.toString(), lastKey);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /** Reads a cursor a client sent back; anything tampered with is invalid input. */
  public static PageCursor decode(String text) {
    try {
      String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
      String[] parts = plain.split("\n", 5);
      if (parts.length != 5 || !parts[0].equals(VERSION)) {
        throw new IllegalArgumentException("unknown cursor format");
      }
      PageCursor cursor = new PageCursor(
          SortField.valueOf(parts[1]), SortOrder.valueOf(parts[2]), parts[4], UUID.fromString(parts[3]));
      cursor.validateKey();
      return cursor;
    } catch (RuntimeException e) {
      throw new InvalidInput("cursor", "cursor is not valid.");
    }
  }

  private void validateKey() {
    switch (sort) {
      case UPLOAD_DATE -> Instant.parse(lastKey);
      case SIZE -> Long.parseLong(lastKey);
      case NAME -> { }
    }
  }

  public Instant lastUploadedAt() {
    return Instant.parse(lastKey);
  }

  public long lastSize() {
    return Long.parseLong(lastKey);
  }
}
