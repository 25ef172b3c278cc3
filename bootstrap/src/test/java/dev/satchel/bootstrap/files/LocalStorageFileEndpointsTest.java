package dev.satchel.bootstrap.files;

import dev.satchel.bootstrap.TestEnvironmentResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The file endpoints with blobs on local disk (the default backend). */
@QuarkusTest
@WithTestResource(value = TestEnvironmentResource.class, scope = TestResourceScope.GLOBAL)
class LocalStorageFileEndpointsTest extends FileEndpointsContract {}
