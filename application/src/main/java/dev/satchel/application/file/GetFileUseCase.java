package dev.satchel.application.file;

import dev.satchel.domain.file.FileId;
import dev.satchel.domain.file.FileMetadata;
import dev.satchel.domain.user.UserId;

/** In-port: the metadata of one of the caller's files. */
public interface GetFileUseCase {
  /** @throws dev.satchel.domain.error.FileNotFound when missing, deleted or someone else's */
  FileMetadata get(UserId caller, FileId id);
}
