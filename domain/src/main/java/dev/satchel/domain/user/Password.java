package dev.satchel.domain.user;

import dev.satchel.domain.error.InvalidInput;
import dev.satchel.domain.text.UnicodeText;
import java.text.Normalizer;

/**
 * A new clear-text password that meets the length policy, on its way to the hasher. Never
 * truncated and never printed: {@link #toString()} hides it so that it cannot leak into logs.
 *
 * <p>Kept in Unicode NFC, the form every hash is made from, so that a password typed as
 * {@code e + U+0301} and one typed as {@code é} are the same password; candidates are compared in
 * the same form ({@link #comparable}). Text with an unpaired surrogate has no UTF-8 form and is
 * refused.
 */
public record Password(String value) {
  public static final int MIN_LENGTH = 8;
  public static final int MAX_LENGTH = 1024;

  public Password {
    if (value == null || value.isEmpty()) {
      throw new InvalidInput("password", "password is required.");
    }
    UnicodeText.requireWellFormed("password", value);
    value = Normalizer.normalize(value, Normalizer.Form.NFC);
    int length = value.codePointCount(0, value.length());
    if (length < MIN_LENGTH || length > MAX_LENGTH) {
      throw new InvalidInput(
          "password",
          "password must be between " + MIN_LENGTH + " and " + MAX_LENGTH + " characters.");
    }
  }

  /**
   * A password that must travel in an HTTP header ({@code X-Share-Password}): besides the general
   * rules it has no control character (a header cannot carry CR, LF or NUL) and does not begin or
   * end with white space (header parsers strip it, RFC 9110 §5.5), so every client can send it.
   */
  public static Password forHeader(String value) {
    Password password = new Password(value);
    UnicodeText.requirePrintable("password", password.value());
    if (!password.value().strip().equals(password.value())) {
      throw new InvalidInput("password", "password must not begin or end with white space: an HTTP header cannot carry it.");
    }
    return password;
  }

  /** A candidate in the form stored hashes were made from (NFC); unpaired surrogates pass unchanged. */
  public static String comparable(String candidate) {
    return Normalizer.normalize(candidate, Normalizer.Form.NFC);
  }

  @Override
  public String toString() {
    return "Password[***]";
  }
}
