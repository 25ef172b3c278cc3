package dev.satchel.bootstrap.cache;

import dev.satchel.bootstrap.TestEnvironmentResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Metadata caching with the in-memory backend (the default). */
@QuarkusTest
@WithTestResource(value = TestEnvironmentResource.class, scope = TestResourceScope.GLOBAL)
class InMemoryMetadataCachingTest extends MetadataCachingContract {
  @Override
  String backend() {
    return "memory";
  }
}
