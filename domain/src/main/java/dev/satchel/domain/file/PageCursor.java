package dev.satchel.domain.file;

import dev.satchel.domain.error.InvalidInput;
import dev.satchel.domain.id.CanonicalUuid;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a page ended: the last row's sort key and id, for keyset paging that never skips or
 * repeats a row while files come and go. Its text form is opaque to clients (base64url).
 */
public record PageCursor(SortField sort, SortOrder order, String lastKey, UUID lastId) {
  private static final String VERSION = "1";
  /** A filename is at most 255 code points; its sort key is no longer than twice that in chars. */
  private static final int MAX_NAME_KEY = 1024;

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
          SortField.valueOf(parts[1]), SortOrder.valueOf(parts[2]), parts[4], CanonicalUuid.parse(parts[3]));
      cursor.validateKey();
      return cursor;
    } catch (RuntimeException e) {
      throw new InvalidInput("cursor", "cursor is not valid.");
    }
  }

  // Only what a cursor of ours can hold: a tampered one used to reach PostgreSQL with a year it
  // cannot store (a 500), or overflow the conversion to microseconds, or carry a NUL.
  private void validateKey() {
    switch (sort) {
      case UPLOAD_DATE -> {
        int year = Instant.parse(lastKey).atOffset(ZoneOffset.UTC).getYear();
        if (year < 1 || year > 9999) {
          throw new IllegalArgumentException("upload date out of range");
        }
      }
      case SIZE -> Long.parseLong(lastKey);
      case NAME -> {
        if (lastKey.length() > MAX_NAME_KEY || lastKey.chars().anyMatch(Character::isISOControl)) {
          throw new IllegalArgumentException("not a name key");
        }
      }
    }
  }

  public Instant lastUploadedAt() {
    return Instant.parse(lastKey);
  }

  public long lastSize() {
    return Long.parseLong(lastKey);
  }
}
