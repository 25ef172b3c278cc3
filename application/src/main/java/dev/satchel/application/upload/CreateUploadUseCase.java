package dev.satchel.application.upload;

import dev.satchel.domain.upload.ResumableUpload;

/** In-port: starts a resumable upload (tus creation). */
public interface CreateUploadUseCase {
  /**
   * @throws dev.satchel.domain.error.FileTooLarge when the length is over the maximum file size
   * @throws dev.satchel.domain.error.QuotaExceeded when it cannot fit the owner's quota
   */
  ResumableUpload create(CreateUploadCommand command);
}
