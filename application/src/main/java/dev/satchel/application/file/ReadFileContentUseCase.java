package dev.satchel.application.file;

import dev.satchel.domain.file.FileMetadata;
import dev.satchel.domain.storage.BlobContent;
import dev.satchel.domain.storage.ByteRange;
import java.util.Optional;

/** In-port: opens the bytes of a file whose access was already checked. */
public interface ReadFileContentUseCase {
  BlobContent read(FileMetadata file, Optional<ByteRange> range);
}
