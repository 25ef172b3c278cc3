package dev.satchel.adapters.rest.file;

import dev.satchel.domain.error.InvalidInput;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Parses query-string values, answering bad ones with an error that names the parameter. */
final class QueryParameters {
  private QueryParameters() {}

  static Optional<String> text(String name, String raw) {
    if (raw == null || raw.isEmpty()) {
      return Optional.empty();
    }
    if (raw.length() > 255) {
      throw new InvalidInput(name, name + " is longer than 255 characters.");
    }
    return Optional.of(raw);
  }

  static Optional<Long> nonNegativeLong(String name, String raw) {
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    try {
      long value = Long.parseLong(raw.strip());
      if (value < 0) {
        throw new InvalidInput(name, name + " must not be negative.");
      }
      return Optional.of(value);
    } catch (NumberFormatException e) {
      throw new InvalidInput(name, name + " must be a whole number of bytes.");
    }
  }

  private static final Pattern FOUR_DIGIT_YEAR = Pattern.compile("[0-9]{4}-");

  static int limit(String raw, int defaultLimit) {
    if (raw == null || raw.isBlank()) {
      return defaultLimit;
    }
    try {
      return Integer.parseInt(raw.strip());
    } catch (NumberFormatException e) {
      throw new InvalidInput("limit", "limit must be a whole number.");
    }
  }

  /**
   * An RFC 3339 timestamp, or a {@code YYYY-MM-DD} date meaning that day's start in UTC. The year
   * has exactly four digits (RFC 3339 §5.6): Java would also read {@code +300000-01-01T00:00:00Z},
   * which PostgreSQL cannot store and which used to end in a 500.
   */
  static Optional<Instant> instant(String name, String raw) {
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    String value = raw.strip();
    if (!FOUR_DIGIT_YEAR.matcher(value).lookingAt()) {
      throw new InvalidInput(name, name + " must be an RFC 3339 timestamp or a YYYY-MM-DD date.");
    }
    try {
      if (value.length() == 10) {
        return Optional.of(LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant());
      }
      return Optional.of(OffsetDateTime.parse(value).toInstant());
    } catch (DateTimeParseException e) {
      throw new InvalidInput(name, name + " must be an RFC 3339 timestamp or a YYYY-MM-DD date.");
    }
  }
}
