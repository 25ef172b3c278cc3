package dev.satchel.bootstrap.cors;

import dev.satchel.bootstrap.CorsProfile;
import dev.satchel.bootstrap.TestEnvironmentResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** The same tests against the packaged application: the origins reach it as run-time configuration. */
@QuarkusIntegrationTest
@TestProfile(CorsProfile.class)
@WithTestResource(value = TestEnvironmentResource.class, scope = TestResourceScope.GLOBAL)
class CorsIT extends CorsTest {}
