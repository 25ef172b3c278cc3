package dev.satchel.domain.error;

/** A PATCH body whose digest is not its Upload-Checksum (tus checksum extension, 460); nothing of it was kept. */
public final class UploadChecksumMismatch extends SatchelError {
  public UploadChecksumMismatch() {
    super("The body does not match its Upload-Checksum; the upload's offset is unchanged.");
  }

  @Override
  public String code() {
    return "checksum-mismatch";
  }
}
