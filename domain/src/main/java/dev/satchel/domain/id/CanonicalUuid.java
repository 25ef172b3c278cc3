package dev.satchel.domain.id;

import java.util.UUID;

/**
 * Reads a UUID only in its canonical text form: 36 characters, 8-4-4-4-12 hexadecimal digits
 * separated by hyphens (RFC 9562 §4), either case.
 *
 * <p>{@link UUID#fromString} is lenient: it takes groups of one to eight digits, so
 * {@code 1-2-3-4-5} and a 31-digit text with a shortened group both "parse" to some other id. An
 * id a client sends back is always one Satchel wrote, so anything but the canonical form is a
 * malformed id, never a different one.
 */
public final class CanonicalUuid {
  private CanonicalUuid() {}

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException when {@code text} is null or not in the canonical form
   */
  public static UUID parse(String text) {
    if (text == null || text.length() != 36) {
      throw new IllegalArgumentException("not a canonical UUID");
    }
    for (int i = 0; i < 36; i++) {
      char c = text.charAt(i);
      boolean hyphenPlace = i == 8 || i == 13 || i == 18 || i == 23;
      if (hyphenPlace ? c != '-' : !isHexDigit(c)) {
        throw new IllegalArgumentException("not a canonical UUID");
      }
    }
    return UUID.fromString(text);
  }

  private static boolean isHexDigit(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
