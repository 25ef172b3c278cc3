package dev.satchel.domain.error;

/**
 * The blob store could not be reached or failed; the request may be retried later. A blob that is
 * simply not there is reported the same way ({@link #blobMissing()}), so that callers who know the
 * file may have been deleted meanwhile can tell the two apart.
 */
public final class StorageUnavailable extends SatchelError {
  private final boolean blobMissing;

  public StorageUnavailable(String reason, Throwable cause) {
    this(reason, cause, false);
  }

  private StorageUnavailable(String reason, Throwable cause, boolean blobMissing) {
    super(reason, cause);
    this.blobMissing = blobMissing;
  }

  /** The store answered, but holds no blob under the key. */
  public static StorageUnavailable missingBlob(Throwable cause) {
    return new StorageUnavailable("blob missing", cause, true);
  }

  /** Whether the store answered that the blob does not exist (rather than failing). */
  public boolean blobMissing() {
    return blobMissing;
  }

  @Override
  public String code() {
    return "storage-unavailable";
  }
}
