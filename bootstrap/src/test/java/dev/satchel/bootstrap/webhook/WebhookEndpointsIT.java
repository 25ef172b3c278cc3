package dev.satchel.bootstrap.webhook;

import dev.satchel.bootstrap.TestEnvironmentResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same tests against the packaged application (the artifact users deploy). */
@QuarkusIntegrationTest
@WithTestResource(value = TestEnvironmentResource.class, scope = TestResourceScope.GLOBAL)
class WebhookEndpointsIT extends WebhookEndpointsTest {}
