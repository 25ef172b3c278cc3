package dev.satchel.domain.error;

/** The upload body ended early or could not be read; nothing was stored. */
public final class UploadIncomplete extends SatchelError {
  public UploadIncomplete(String reason, Throwable cause) {
    super(reason, cause);
  }

  @Override
  public String code() {
    return "upload-incomplete";
  }
}
