package dev.satchel.domain.error;

/**
 * The client sent its upload too slowly: no byte for the read timeout, or fewer bytes than the
 * minimum transfer rate over a window. Nothing was stored.
 */
public final class UploadTimedOut extends SatchelError {
  public UploadTimedOut(String reason) {
    super(reason);
  }

  @Override
  public String code() {
    return "upload-timed-out";
  }
}
