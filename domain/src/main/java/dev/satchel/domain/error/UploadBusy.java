package dev.satchel.domain.error;

/** Another request is writing to the same resumable upload right now; only one may. */
public final class UploadBusy extends SatchelError {
  public UploadBusy() {
    super("Another request is writing to this upload; ask for its offset and continue from there.");
  }

  @Override
  public String code() {
    return "upload-busy";
  }
}
