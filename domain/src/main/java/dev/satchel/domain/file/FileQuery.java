package dev.satchel.domain.file;

import dev.satchel.domain.error.InvalidInput;
import dev.satchel.domain.text.UnicodeText;
import dev.satchel.domain.user.UserId;
import java.text.Normalizer;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One page request over a user's live files: every present filter must match (AND). Bounds:
 * {@code uploadedAfter} is inclusive, {@code uploadedBefore} exclusive, sizes inclusive;
 * {@code nameContains} is kept in Unicode normalization form C, as stored names are.
 */
public record FileQuery(
    UserId owner,
    Optional<String> nameContains,
    Optional<TypeFilter> type,
    Optional<Instant> uploadedAfter,
    Optional<Instant> uploadedBefore,
    Optional<Long> minSize,
    Optional<Long> maxSize,
    SortField sort,
    SortOrder order,
    int limit,
    Optional<PageCursor> after) {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 1000;

  public FileQuery {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(sort, "sort");
    Objects.requireNonNull(order, "order");
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidInput("limit", "limit must be between 1 and " + MAX_LIMIT + ".");
    }
    // PostgreSQL refuses NUL in text, and no stored name holds a control character to match.
    nameContains.ifPresent(name -> UnicodeText.requirePrintable("name", name));
    // Stored names are NFC (FileName), so a decomposed "é" typed by a client must become NFC to match.
    nameContains = nameContains.map(name -> Normalizer.normalize(name, Normalizer.Form.NFC));
    minSize.filter(v -> v < 0).ifPresent(v -> {
      throw new InvalidInput("min_size", "min_size must not be negative.");
    });
    maxSize.filter(v -> v < 0).ifPresent(v -> {
      throw new InvalidInput("max_size", "max_size must not be negative.");
    });
    after.filter(c -> c.sort() != sort || c.order() != order).ifPresent(c -> {
      throw new InvalidInput("cursor", "cursor belongs to a different sort order.");
    });
  }

  /** A plain listing of the owner's files, newest first. */
  public static FileQuery newestFirst(UserId owner, int limit, Optional<PageCursor> after) {
    return new FileQuery(owner, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(),
        SortField.UPLOAD_DATE, SortOrder.DESC, limit, after);
  }
}
