package dev.satchel.adapters.storage.local;

import dev.satchel.adapters.storage.UploadStagingContractTest;
import dev.satchel.domain.upload.UploadId;
import dev.satchel.domain.upload.UploadStaging;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Runs the staging contract on local files. */
class LocalFileUploadStagingTest extends UploadStagingContractTest {
  @TempDir Path dir;

  @Override
  protected UploadStaging staging() {
    return new LocalFileUploadStaging(dir);
  }

  @Override
  protected boolean leftovers(UploadId id) {
    return Files.exists(dir.resolve(id.toString()));
  }
}
