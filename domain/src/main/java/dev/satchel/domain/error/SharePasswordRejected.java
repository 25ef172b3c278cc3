package dev.satchel.domain.error;

/**
 * A password-protected link opened without its password ({@code share-password-required}) or with
 * a wrong one ({@code share-password-incorrect}); both are 401 (API.md, "Share links"). Telling
 * them apart reveals nothing: the caller knows whether it sent a password.
 */
public final class SharePasswordRejected extends SatchelError {
  private final boolean passwordGiven;

  private SharePasswordRejected(boolean passwordGiven, String message) {
    super(message);
    this.passwordGiven = passwordGiven;
  }

  /** No password came with the request. */
  public static SharePasswordRejected missing() {
    return new SharePasswordRejected(false, "This link needs its password in the X-Share-Password header.");
  }

  /** A password came and is not this link's. */
  public static SharePasswordRejected incorrect() {
    return new SharePasswordRejected(true, "The password in X-Share-Password is not this link's password.");
  }

  /** True when a password was given and did not match. */
  public boolean passwordGiven() {
    return passwordGiven;
  }

  @Override
  public String code() {
    return passwordGiven ? "share-password-incorrect" : "share-password-required";
  }
}
