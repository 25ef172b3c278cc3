package dev.satchel.application.upload;

import dev.satchel.domain.upload.ResumableUpload;
import dev.satchel.domain.upload.UploadId;
import dev.satchel.domain.user.UserId;

/** In-port: the state of one of the caller's uploads (tus HEAD). */
public interface GetUploadUseCase {
  /** @throws dev.satchel.domain.error.UploadNotFound not the caller's live upload */
  ResumableUpload get(UserId owner, UploadId id);
}
