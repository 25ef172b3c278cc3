package dev.satchel.adapters.rest.content;

import dev.satchel.domain.storage.ByteRange;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Interprets a {@code Range} header against a file size (RFC 9110 §14): one byte range is
 * honoured; anything else (several ranges, other units, syntax errors) is ignored, as the RFC
 * allows, and the whole file is served.
 */
public sealed interface RangeRequest {
  /** Serve the whole representation. */
  record Whole() implements RangeRequest {}

  /** Serve these bytes with 206. */
  record Partial(ByteRange range) implements RangeRequest {}

  /** Answer 416. */
  record Unsatisfiable() implements RangeRequest {}

  Pattern SINGLE = Pattern.compile("^\\s*bytes\\s*=\\s*(\\d*)\\s*-\\s*(\\d*)\\s*$");

  static RangeRequest parse(String header, long size) {
    if (header == null) {
      return new Whole();
    }
    Matcher m = SINGLE.matcher(header);
    if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
      return new Whole();
    }
    try {
      if (m.group(1).isEmpty()) {
        long suffix = Long.parseLong(m.group(2));
        if (suffix == 0 || size == 0) {
          return new Unsatisfiable();
        }
        return new Partial(new ByteRange(Math.max(0, size - suffix), size - 1));
      }
      long first = Long.parseLong(m.group(1));
      long last = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
      if (!m.group(2).isEmpty() && Long.parseLong(m.group(2)) < first) {
        return new Whole(); // syntactically invalid: ignore
      }
      if (first >= size) {
        return new Unsatisfiable();
      }
      return new Partial(new ByteRange(first, last));
    } catch (NumberFormatException tooLarge) {
      return new Whole();
    }
  }

  default Optional<ByteRange> byteRange() {
    return this instanceof Partial p ? Optional.of(p.range()) : Optional.empty();
  }
}
