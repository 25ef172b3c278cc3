package dev.satchel.domain.file;

import dev.satchel.domain.error.InvalidInput;
import java.util.Locale;

/** Direction of a listing. */
public enum SortOrder {
  ASC,
  DESC;

  public static SortOrder parse(String raw) {
    try {
      return valueOf(raw.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInput("order", "order must be asc or desc.");
    }
  }
}
