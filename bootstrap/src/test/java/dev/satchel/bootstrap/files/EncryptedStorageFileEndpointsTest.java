package dev.satchel.bootstrap.files;

import dev.satchel.bootstrap.EncryptionProfile;
import dev.satchel.bootstrap.TestEnvironmentResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The whole file-endpoint contract with encryption at rest on (blobs on local disk). */
@QuarkusTest
@TestProfile(EncryptionProfile.class)
@WithTestResource(value = TestEnvironmentResource.class, scope = TestResourceScope.GLOBAL)
class EncryptedStorageFileEndpointsTest extends FileEndpointsContract {
  @Override
  protected boolean encryptedAtRest() {
    return true;
  }
}
