package dev.satchel.domain.user;

import dev.satchel.domain.error.InvalidInput;
import dev.satchel.domain.text.UnicodeText;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An email address as the user typed it, trimmed, in Unicode normalization form C, and checked
 * for the shape every deliverable address has; {@link #normalized()} is the form that uniqueness compares.
 */
public record EmailAddress(String value) {
  /** Longest address SMTP can carry (RFC 5321 path limit minus the angle brackets). */
  public static final int MAX_LENGTH = 254;

  // local@domain: no spaces, control or format characters, one @, a dotted domain with no empty
  // labels. Unicode classes, so that a no-break space or a line separator counts as a space too.
  // Format characters (Cf: zero-width space and joiners, soft hyphen, bidi marks) are invisible, so
  // they would let two addresses that look the same hold two accounts.
  private static final String LOCAL_CHAR = "[^\\s@\\p{Cntrl}\\p{Cf}]";
  private static final String LABEL_CHAR = "[^\\s@\\p{Cntrl}\\p{Cf}.]";
  private static final Pattern SHAPE = Pattern.compile(
      "^" + LOCAL_CHAR + "{1,64}@(?=.{1,253}$)" + LABEL_CHAR + "+(\\." + LABEL_CHAR + "+)+$",
      Pattern.UNICODE_CHARACTER_CLASS);

  public EmailAddress {
    if (value == null || value.isBlank()) {
      throw new InvalidInput("email", "email is required.");
    }
    UnicodeText.requireWellFormed("email", value);
    // NFC, as for file names and passwords: "ö" typed composed or decomposed is one address.
    value = Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
    if (value.length() > MAX_LENGTH || !SHAPE.matcher(value).matches()) {
      throw new InvalidInput("email", "email is not a valid email address.");
    }
  }

  /** The case-folded form: two addresses that differ only in case belong to one account. */
  public String normalized() {
    return value.toLowerCase(Locale.ROOT);
  }
}
