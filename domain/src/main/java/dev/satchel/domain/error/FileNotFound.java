package dev.satchel.domain.error;

/** No live file with this id belongs to the caller (another user's file looks the same). */
public final class FileNotFound extends SatchelError {
  public FileNotFound() {
    super("No such file.");
  }

  @Override
  public String code() {
    return "file-not-found";
  }
}
