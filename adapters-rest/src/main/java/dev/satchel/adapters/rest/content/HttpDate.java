package dev.satchel.adapters.rest.content;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads an HTTP-date (RFC 9110 §5.6.7) in all three forms a recipient must accept: IMF-fixdate
 * ({@code Sun, 06 Nov 1994 08:49:37 GMT}), the obsolete RFC 850 form
 * ({@code Sunday, 06-Nov-94 08:49:37 GMT}) and asctime ({@code Sun Nov  6 08:49:37 1994}).
 * Anything else, including a weekday that contradicts the date, is not a date.
 */
public final class HttpDate {
  private static final List<DateTimeFormatter> FORMATS = List.of(
      strict("EEE, dd MMM uuuu HH:mm:ss 'GMT'"),
      // Two-digit years read as 1970-2069: the RFC's "50 years ahead" rule needs a clock, and
      // validators from before 1970 or after 2069 do not occur for Satchel's files.
      new DateTimeFormatterBuilder().appendPattern("EEEE, dd-MMM-")
          .appendValueReduced(ChronoField.YEAR, 2, 2, LocalDate.of(1970, 1, 1))
          .appendPattern(" HH:mm:ss 'GMT'")
          .toFormatter(Locale.US).withResolverStyle(ResolverStyle.STRICT).withZone(ZoneOffset.UTC),
      strict("EEE MMM ppd HH:mm:ss uuuu"));

  private static final DateTimeFormatter IMF_FIXDATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM uuuu HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

  private HttpDate() {}

  /** The IMF-fixdate form, the only one a sender may generate. */
  public static String format(Instant instant) {
    return IMF_FIXDATE.format(instant);
  }

  static Optional<Instant> parse(String text) {
    if (text == null || text.length() > 64) {
      return Optional.empty();
    }
    for (DateTimeFormatter format : FORMATS) {
      try {
        return Optional.of(Instant.from(format.parse(text.strip())));
      } catch (DateTimeException notThisForm) {
        // try the next form
      }
    }
    return Optional.empty();
  }

  private static DateTimeFormatter strict(String pattern) {
    return DateTimeFormatter.ofPattern(pattern, Locale.US).withResolverStyle(ResolverStyle.STRICT).withZone(ZoneOffset.UTC);
  }
}
