package dev.satchel.domain.error;

/** A password-protected link opened without its password, or with a wrong one. */
public final class SharePasswordRejected extends SatchelError {
  public SharePasswordRejected() {
    super("This link needs its password in the X-Share-Password header.");
  }

  @Override
  public String code() {
    return "share-password-required";
  }
}
