package dev.satchel.application.file;

import dev.satchel.domain.file.FileId;
import dev.satchel.domain.user.UserId;

/** In-port: deletes one of the caller's files and kills its share links. */
public interface DeleteFileUseCase {
  void delete(UserId caller, FileId id);
}
