package dev.satchel.domain.file;

import dev.satchel.domain.error.InvalidInput;
import java.util.Locale;

/** The keys a file listing can be ordered by; the file id always breaks ties. */
public enum SortField {
  UPLOAD_DATE,
  NAME,
  SIZE;

  public static SortField parse(String raw) {
    try {
      return valueOf(raw.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInput("sort", "sort must be one of upload_date, name, size.");
    }
  }

  /** Newest first for dates, A to Z for names, smallest first for sizes. */
  public SortOrder defaultOrder() {
    return this == UPLOAD_DATE ? SortOrder.DESC : SortOrder.ASC;
  }
}
