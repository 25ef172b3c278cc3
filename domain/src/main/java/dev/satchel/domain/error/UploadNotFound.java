package dev.satchel.domain.error;

/** No resumable upload of the caller under that id: unknown, another user's, expired or terminated. */
public final class UploadNotFound extends SatchelError {
  public UploadNotFound() {
    super("No such upload.");
  }

  @Override
  public String code() {
    return "upload-not-found";
  }
}
