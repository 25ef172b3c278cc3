package dev.satchel.application.file;

import dev.satchel.domain.file.FileMetadata;

/** In-port: stores a new file for its owner. */
public interface UploadFileUseCase {
  FileMetadata upload(UploadFileCommand command);
}
