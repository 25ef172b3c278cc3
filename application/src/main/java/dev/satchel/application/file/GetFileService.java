package dev.satchel.application.file;

import dev.satchel.domain.file.FileId;
import dev.satchel.domain.file.FileMetadata;
import dev.satchel.domain.user.UserId;
import java.util.Optional;

/** Serves file metadata from the cache when it can, and only ever to the file's owner. */
public final class GetFileService implements GetFileUseCase {
  private final LiveFileLookup lookup;

  public GetFileService(LiveFileLookup lookup) {
    this.lookup = lookup;
  }

  @Override
  public FileMetadata get(UserId caller, FileId id) {
    return lookup.findOwned(id, caller);
  }

  @Override
  public Optional<FileMetadata> getWithoutWaiting(UserId caller, FileId id) {
    return lookup.findInMemory(id).filter(file -> file.isOwnedBy(caller));
  }
}
