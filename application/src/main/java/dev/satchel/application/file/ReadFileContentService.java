package dev.satchel.application.file;

import dev.satchel.domain.file.FileMetadata;
import dev.satchel.domain.storage.BlobContent;
import dev.satchel.domain.storage.BlobStorage;
import dev.satchel.domain.storage.ByteRange;
import java.util.Optional;

/** Opens a file's blob, or a range of it, straight from the blob store. */
public final class ReadFileContentService implements ReadFileContentUseCase {
  private final BlobStorage blobs;

  public ReadFileContentService(BlobStorage blobs) {
    this.blobs = blobs;
  }

  @Override
  public BlobContent read(FileMetadata file, Optional<ByteRange> range) {
    range.ifPresent(r -> {
      if (r.last() >= file.size()) {
        throw new IllegalArgumentException("range beyond the end of the file");
      }
    });
    return blobs.read(file.storageKey(), range);
  }
}
