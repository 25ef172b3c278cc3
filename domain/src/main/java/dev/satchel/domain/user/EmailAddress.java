package dev.satchel.domain.user;

import dev.satchel.domain.error.InvalidInput;
import dev.satchel.domain.text.UnicodeText;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An email address as the user typed it, trimmed and checked for the shape every deliverable
 * address has; {@link #normalized()} is the form that uniqueness compares.
 */
public record EmailAddress(String value) {
  /** Longest address SMTP can carry (RFC 5321 path limit minus the angle brackets). */
  public static final int MAX_LENGTH = 254;

  // local@domain: no spaces or control characters, one @, a dotted domain with no empty labels.
  // Unicode classes, so that a no-break space or a line separator counts as a space too.
  private static final Pattern SHAPE = Pattern.compile(
      "^[^\\s@\\p{Cntrl}]{1,64}@(?=.{1,253}$)[^\\s@\\p{Cntrl}.]+(\\.[^\\s@\\p{Cntrl}.]+)+$",
      Pattern.UNICODE_CHARACTER_CLASS);

  public EmailAddress {
    if (value == null || value.isBlank()) {
      throw new InvalidInput("email", "email is required.");
    }
    UnicodeText.requireWellFormed("email", value);
    value = value.strip();
    if (value.length() > MAX_LENGTH || !SHAPE.matcher(value).matches()) {
      throw new InvalidInput("email", "email is not a valid email address.");
    }
  }

  /** The case-folded form: two addresses that differ only in case belong to one account. */
  public String normalized() {
    return value.toLowerCase(Locale.ROOT);
  }
}
