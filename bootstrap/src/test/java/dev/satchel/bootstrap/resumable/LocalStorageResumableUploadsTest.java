package dev.satchel.bootstrap.resumable;

import dev.satchel.bootstrap.TestEnvironmentResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Resumable uploads staged on local disk (the default backend). */
@QuarkusTest
@WithTestResource(value = TestEnvironmentResource.class, scope = TestResourceScope.GLOBAL)
class LocalStorageResumableUploadsTest extends ResumableUploadsContract {}
