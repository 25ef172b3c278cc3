package dev.satchel.domain.error;

/** A share link that existed but can no longer be used; says why. */
public final class ShareGone extends SatchelError {
  /** Why a link stopped working. */
  public enum Reason {
    EXPIRED("The share link has expired."),
    REVOKED("The share link was revoked."),
    EXHAUSTED("The share link reached its download limit."),
    FILE_DELETED("The shared file was deleted.");

    private final String message;

    Reason(String message) {
      this.message = message;
    }
  }

  private final Reason reason;

  public ShareGone(Reason reason) {
    super(reason.message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  @Override
  public String code() {
    return "share-gone";
  }
}
