package dev.satchel.application.upload;

/** In-port: removes expired uploads and whatever they staged. */
public interface ExpireUploadsUseCase {
  /** @return how many uploads were removed */
  int expire();
}
