package dev.satchel.application.file;

import dev.satchel.domain.file.FileMetadata;
import dev.satchel.domain.storage.BlobContent;
import dev.satchel.domain.storage.ByteRange;
import java.util.Optional;

/** In-port: opens the bytes of a file whose access was already checked. */
public interface ReadFileContentUseCase {
  BlobContent read(FileMetadata file, Optional<ByteRange> range);

  /**
   * Opens the bytes when that waits on no other system (a plain blob on this machine's disk), for
   * answers given on an event loop. Empty otherwise, or when the blob is not there: {@link #read}
   * then opens it or gives the error.
   */
  Optional<BlobContent> readWithoutWaiting(FileMetadata file, Optional<ByteRange> range);
}
