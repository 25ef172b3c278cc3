package dev.satchel.application.file;

import dev.satchel.domain.file.FileMetadata;
import dev.satchel.domain.file.FileName;
import java.util.OptionalLong;

/**
 * Stores a multipart upload ({@code POST /upload}): refuses it early when its declared size cannot
 * fit, then hands its body to the {@link FileIntake} that every new file passes.
 */
public final class UploadFileService implements UploadFileUseCase {
  private final FileIntake intake;

  public UploadFileService(FileIntake intake) {
    this.intake = intake;
  }

  @Override
  public FileMetadata upload(UploadFileCommand command) {
    FileName filename = FileName.sanitize(command.filename());
    OptionalLong declared = command.declaredLength();
    declared.ifPresent(length -> intake.checkAnnounced(command.owner(), length, 0));
    return intake.store(command.owner(), filename, command.declaredType(), command.content(), declared, file -> {});
  }
}
