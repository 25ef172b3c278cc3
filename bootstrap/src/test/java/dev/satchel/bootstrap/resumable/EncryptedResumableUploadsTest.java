package dev.satchel.bootstrap.resumable;

import dev.satchel.bootstrap.EncryptionProfile;
import dev.satchel.bootstrap.TestEnvironmentResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Resumable uploads with encryption at rest on: the finished upload is stored through the
 * encrypting store like any other file, so its file is encrypted and reads back as the plaintext.
 */
@QuarkusTest
@TestProfile(EncryptionProfile.class)
@WithTestResource(value = TestEnvironmentResource.class, scope = TestResourceScope.GLOBAL)
class EncryptedResumableUploadsTest extends ResumableUploadsContract {
  @Override
  protected boolean encryptedAtRest() {
    return true;
  }
}
