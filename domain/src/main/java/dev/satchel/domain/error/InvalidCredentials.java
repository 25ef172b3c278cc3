package dev.satchel.domain.error;

/** Login with an unknown email or a wrong password; deliberately does not say which. */
public final class InvalidCredentials extends SatchelError {
  public InvalidCredentials() {
    super("The email or password is incorrect.");
  }

  @Override
  public String code() {
    return "invalid-credentials";
  }
}
