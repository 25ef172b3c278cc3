package dev.satchel.application.share;

/** In-port: creates a public link to one of the caller's files. */
public interface ShareFileUseCase {
  CreatedShare share(ShareFileCommand command);
}
