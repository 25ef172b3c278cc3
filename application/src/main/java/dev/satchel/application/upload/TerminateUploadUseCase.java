package dev.satchel.application.upload;

import dev.satchel.domain.upload.UploadId;
import dev.satchel.domain.user.UserId;

/** In-port: ends one of the caller's uploads and removes its staged bytes (tus termination). */
public interface TerminateUploadUseCase {
  /**
   * @throws dev.satchel.domain.error.UploadNotFound not the caller's live upload
   * @throws dev.satchel.domain.error.UploadBusy a request is writing to it
   */
  void terminate(UserId owner, UploadId id);
}
