package dev.satchel.domain.testing;

import dev.satchel.domain.file.FileMetadataRepository;
import dev.satchel.domain.file.FileMetadataRepositoryContractTest;

class InMemoryFileMetadataRepositoryTest extends FileMetadataRepositoryContractTest {
  @Override
  protected FileMetadataRepository newRepository() {
    return new InMemoryFileMetadataRepository();
  }
}
