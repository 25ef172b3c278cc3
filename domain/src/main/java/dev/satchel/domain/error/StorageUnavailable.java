package dev.satchel.domain.error;

/** The blob store could not be reached or failed; the request may be retried later. */
public final class StorageUnavailable extends SatchelError {
  public StorageUnavailable(String reason, Throwable cause) {
    super(reason, cause);
  }

  @Override
  public String code() {
    return "storage-unavailable";
  }
}
