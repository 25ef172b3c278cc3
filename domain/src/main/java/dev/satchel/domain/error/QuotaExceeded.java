package dev.satchel.domain.error;

/** An upload that would take the owner's stored bytes past their quota. */
public final class QuotaExceeded extends SatchelError {
  private final long quotaBytes;

  public QuotaExceeded(long quotaBytes) {
    super("The upload would exceed your storage quota of " + quotaBytes + " bytes.");
    this.quotaBytes = quotaBytes;
  }

  public long quotaBytes() {
    return quotaBytes;
  }

  @Override
  public String code() {
    return "quota-exceeded";
  }
}
