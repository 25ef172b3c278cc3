package dev.satchel.domain.error;

/**
 * The blob store has no room left (a full disk, ENOSPC). Retrying soon will not help: an operator
 * must free space first. Nothing partial was kept.
 */
public final class StorageFull extends SatchelError {
  public StorageFull(Throwable cause) {
    super("The storage is full. The file was not stored.", cause);
  }

  @Override
  public String code() {
    return "storage-full";
  }
}
