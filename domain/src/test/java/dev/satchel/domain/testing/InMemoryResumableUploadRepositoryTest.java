package dev.satchel.domain.testing;

import dev.satchel.domain.upload.ResumableUploadRepository;
import dev.satchel.domain.upload.ResumableUploadRepositoryContractTest;

class InMemoryResumableUploadRepositoryTest extends ResumableUploadRepositoryContractTest {
  @Override
  protected ResumableUploadRepository newRepository() {
    return new InMemoryResumableUploadRepository();
  }
}
