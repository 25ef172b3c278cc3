package dev.satchel.domain.error;

/** A PATCH whose Upload-Offset is not the upload's current offset (tus 1.0.0 core, 409). */
public final class UploadOffsetMismatch extends SatchelError {
  private final long currentOffset;

  public UploadOffsetMismatch(long currentOffset) {
    super("The upload's current offset is " + currentOffset + "; send the bytes from there.");
    this.currentOffset = currentOffset;
  }

  public long currentOffset() {
    return currentOffset;
  }

  @Override
  public String code() {
    return "upload-offset-mismatch";
  }
}
