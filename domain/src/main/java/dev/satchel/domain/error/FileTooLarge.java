package dev.satchel.domain.error;

/** An upload that grew past the configured maximum size; detected while streaming. */
public final class FileTooLarge extends SatchelError {
  private final long maxBytes;

  public FileTooLarge(long maxBytes) {
    super("The file exceeds the maximum upload size of " + maxBytes + " bytes.");
    this.maxBytes = maxBytes;
  }

  public long maxBytes() {
    return maxBytes;
  }

  @Override
  public String code() {
    return "file-too-large";
  }
}
