package dev.satchel.domain.error;

/** No share link with this token, or no link with this id owned by the caller. */
public final class ShareNotFound extends SatchelError {
  public ShareNotFound() {
    super("No such share link.");
  }

  @Override
  public String code() {
    return "share-not-found";
  }
}
