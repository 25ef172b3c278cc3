package dev.satchel.domain.error;

/**
 * Root of every failure the core reports; sealed so that the one HTTP mapper must handle each case.
 *
 * <p>Errors carry a stable machine-readable {@link #code()} and their data, never an HTTP status.
 * They skip stack-trace capture: they are expected outcomes, not bugs.
 */
public abstract sealed class SatchelError extends RuntimeException
    permits InvalidInput, EmailAlreadyRegistered, InvalidCredentials, TooManyAttempts,
        FileNotFound, FileTooLarge, QuotaExceeded, UploadIncomplete,
        ShareNotFound, ShareGone, SharePasswordRejected,
        StorageUnavailable, StorageFull, UploadTimedOut, TooManyUploads, UploadCapacityReached,
        RateLimited, EncryptionKeyUnavailable,
        UploadNotFound, UploadOffsetMismatch, UploadBusy, UploadChecksumMismatch {

  protected SatchelError(String message) {
    super(message, null, false, false);
  }

  protected SatchelError(String message, Throwable cause) {
    super(message, cause, false, false);
  }

  /** A stable, kebab-case identifier of this kind of error, used in problem types. */
  public abstract String code();
}
