package dev.satchel.adapters.rest.content;

import dev.satchel.domain.storage.ByteRange;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Interprets a {@code Range} header against a file size (RFC 9110 §14): one byte range is
 * honoured; anything else (several ranges, other units, syntax errors) is ignored, as the RFC
 * allows, and the whole file is served. Positions of any length are understood.
 */
public sealed interface RangeRequest {
  /** Serve the whole representation. */
  record Whole() implements RangeRequest {}

  /** Serve these bytes with 206. */
  record Partial(ByteRange range) implements RangeRequest {}

  /** Answer 416. */
  record Unsatisfiable() implements RangeRequest {}

  /** One byte range; the unit is compared case-insensitively (RFC 9110 §14.1). */
  Pattern SINGLE = Pattern.compile("^\\s*bytes\\s*=\\s*(\\d*)\\s*-\\s*(\\d*)\\s*$", Pattern.CASE_INSENSITIVE);

  /**
   * Reads {@code header} against a representation of {@code size} bytes.
   *
   * <p>Positions too large for a {@code long} are read as "beyond any size": a last-pos or suffix
   * length that large covers up to the end (RFC 9110 §14.1.2 "the last-pos is taken to be equal to
   * one less than the current length"), a first-pos that large is unsatisfiable.
   *
   * @param header the {@code Range} field value, or {@code null} when absent
   * @param size the representation's length in bytes, {@code >= 0}
   */
  static RangeRequest parse(String header, long size) {
    if (header == null) {
      return new Whole();
    }
    Matcher m = SINGLE.matcher(header);
    if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
      return new Whole();
    }
    if (m.group(1).isEmpty()) {
      long suffix = position(m.group(2));
      if (suffix == 0 || size == 0) {
        return new Unsatisfiable();
      }
      return new Partial(new ByteRange(size - Math.min(suffix, size), size - 1));
    }
    long first = position(m.group(1));
    if (!m.group(2).isEmpty() && compareDigits(m.group(2), m.group(1)) < 0) {
      return new Whole(); // syntactically invalid (RFC 9110 §14.1.1): ignore
    }
    if (first >= size) {
      return new Unsatisfiable();
    }
    long last = m.group(2).isEmpty() ? size - 1 : Math.min(position(m.group(2)), size - 1);
    return new Partial(new ByteRange(first, last));
  }

  /** Orders two runs of ASCII digits by the numbers they write, whatever their length. */
  private static int compareDigits(String a, String b) {
    String x = a.replaceFirst("^0+(?=.)", "");
    String y = b.replaceFirst("^0+(?=.)", "");
    return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
  }

  /** A run of ASCII digits as a byte position, saturating at {@link Long#MAX_VALUE}. */
  private static long position(String digits) {
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException overflow) {
      return Long.MAX_VALUE; // the pattern admits only digits, so only overflow lands here
    }
  }

  default Optional<ByteRange> byteRange() {
    return this instanceof Partial p ? Optional.of(p.range()) : Optional.empty();
  }
}
