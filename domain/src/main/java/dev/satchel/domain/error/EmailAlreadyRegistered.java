package dev.satchel.domain.error;

/** Registration with an email that an account already uses (compared case-insensitively). */
public final class EmailAlreadyRegistered extends SatchelError {
  public EmailAlreadyRegistered() {
    super("An account with this email address already exists.");
  }

  @Override
  public String code() {
    return "email-taken";
  }
}
