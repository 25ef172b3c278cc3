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
  private static final String LOCAL_CHAR = "[^\\s@\\p{Cntrl}\\p{Cf}]";
  private static final String LABEL_CHAR = "[^\\s@\\p{Cntrl}\\p{Cf}.]";
  private static final Pattern SHAPE = Pattern.compile(
      "^" + LOCAL_CHAR + "{1,64}@(?=.{1,253}$)" + LABEL_CHAR + "+(\\." + LABEL_CHAR + "+)+$",
      Pattern.UNICODE_CHARACTER_CLASS);

  /**
   * Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties.txt, Unicode 15.1): characters a
   * renderer shows as nothing, such as the zero-width space, soft hyphen, Hangul fillers,
   * variation selectors and bidi marks. Any of them would let two addresses that look the same
   * hold two accounts. Java's regex has no class for the property, hence the ranges.
   */
  private static final int[][] DEFAULT_IGNORABLE = {
      {0x00AD, 0x00AD}, {0x034F, 0x034F}, {0x061C, 0x061C}, {0x115F, 0x1160}, {0x17B4, 0x17B5},
      {0x180B, 0x180F}, {0x200B, 0x200F}, {0x202A, 0x202E}, {0x2060, 0x206F}, {0x3164, 0x3164},
      {0xFE00, 0xFE0F}, {0xFEFF, 0xFEFF}, {0xFFA0, 0xFFA0}, {0xFFF0, 0xFFF8}, {0x1BCA0, 0x1BCA3},
      {0x1D173, 0x1D17A}, {0xE0000, 0xE0FFF}};

  public EmailAddress {
    if (value == null || value.isBlank()) {
      throw new InvalidInput("email", "email is required.");
    }
    UnicodeText.requireWellFormed("email", value);
    // NFC, as for file names and passwords: "ö" typed composed or decomposed is one address.
    value = Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
    if (value.length() > MAX_LENGTH || !SHAPE.matcher(value).matches()
        || value.codePoints().anyMatch(EmailAddress::isInvisible)) {
      throw new InvalidInput("email", "email is not a valid email address.");
    }
  }

  private static boolean isInvisible(int codePoint) {
    for (int[] range : DEFAULT_IGNORABLE) {
      if (codePoint >= range[0] && codePoint <= range[1]) {
        return true;
      }
    }
    return false;
  }

  /** The case-folded form: two addresses that differ only in case belong to one account. */
  public String normalized() {
    return value.toLowerCase(Locale.ROOT);
  }
}
