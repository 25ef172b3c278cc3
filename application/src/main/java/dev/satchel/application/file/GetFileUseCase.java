package dev.satchel.application.file;

import dev.satchel.domain.file.FileId;
import dev.satchel.domain.file.FileMetadata;
import dev.satchel.domain.user.UserId;
import java.util.Optional;

/** In-port: the metadata of one of the caller's files. */
public interface GetFileUseCase {
  /** @throws dev.satchel.domain.error.FileNotFound when missing, deleted or someone else's */
  FileMetadata get(UserId caller, FileId id);

  /**
   * The caller's file when this process holds it in memory, found without waiting on any other
   * system (for answers given on an event loop). Empty otherwise, including for a file that is
   * not the caller's: {@link #get} then gives the answer, with its errors.
   */
  Optional<FileMetadata> getWithoutWaiting(UserId caller, FileId id);
}
