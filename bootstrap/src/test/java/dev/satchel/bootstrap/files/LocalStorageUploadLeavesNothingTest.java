package dev.satchel.bootstrap.files;

import dev.satchel.bootstrap.TestEnvironmentResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Refused uploads on local disk. */
@QuarkusTest
@WithTestResource(value = TestEnvironmentResource.class, scope = TestResourceScope.GLOBAL)
class LocalStorageUploadLeavesNothingTest extends UploadLeavesNothingContract {}
