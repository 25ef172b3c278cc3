package dev.satchel.domain.text;

import dev.satchel.domain.error.InvalidInput;

/**
 * Checks on text that came from a client. An unpaired surrogate has no UTF-8 form (encoders turn
 * it into {@code ?}, so two different inputs would store, hash or compare as one), and a control
 * character is never part of a name, an address or a search term: PostgreSQL refuses NUL in text
 * outright, and CR or LF cannot travel in a header.
 */
public final class UnicodeText {
  private UnicodeText() {}

  /** True when every surrogate is half of a pair, i.e. the text can be encoded as UTF-8. */
  public static boolean isWellFormed(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /** True when the text holds a C0 or C1 control character or DEL (Unicode category Cc). */
  public static boolean hasControlCharacter(String text) {
    return text.chars().anyMatch(c -> Character.getType(c) == Character.CONTROL);
  }

  /** Fails with {@link InvalidInput} naming {@code field} unless the text is well-formed. */
  public static void requireWellFormed(String field, String text) {
    if (!isWellFormed(text)) {
      throw new InvalidInput(field, field + " is not well-formed Unicode (unpaired surrogate).");
    }
  }

  /** Fails with {@link InvalidInput} naming {@code field} on an unpaired surrogate or a control character. */
  public static void requirePrintable(String field, String text) {
    requireWellFormed(field, text);
    if (hasControlCharacter(text)) {
      throw new InvalidInput(field, field + " must not contain control characters.");
    }
  }
}
