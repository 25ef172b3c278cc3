package dev.satchel.domain.user;

import dev.satchel.domain.error.InvalidInput;

/**
 * A new clear-text password that meets the length policy, on its way to the hasher. Never
 * truncated and never printed: {@link #toString()} hides it so that it cannot leak into logs.
 */
public record Password(String value) {
  public static final int MIN_LENGTH = 8;
  public static final int MAX_LENGTH = 1024;

  public Password {
    if (value == null || value.isEmpty()) {
      throw new InvalidInput("password", "password is required.");
    }
    int length = value.codePointCount(0, value.length());
    if (length < MIN_LENGTH || length > MAX_LENGTH) {
      throw new InvalidInput(
          "password",
          "password must be between " + MIN_LENGTH + " and " + MAX_LENGTH + " characters.");
    }
  }

  @Override
  public String toString() {
    return "Password[***]";
  }
}
