package dev.satchel.application.upload;

import dev.satchel.domain.upload.ResumableUpload;

/** In-port: appends bytes to an upload; the last byte turns it into a file. */
public interface PatchUploadUseCase {
  /**
   * @return the upload with its new durable offset, and its file once complete
   * @throws dev.satchel.domain.error.UploadNotFound not the caller's live upload
   * @throws dev.satchel.domain.error.UploadOffsetMismatch the offset is not the upload's
   * @throws dev.satchel.domain.error.UploadBusy another request is writing to it
   * @throws dev.satchel.domain.error.UploadChecksumMismatch the body is not what its checksum says
   */
  ResumableUpload patch(PatchUploadCommand command);
}
