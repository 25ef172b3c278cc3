package dev.satchel.bootstrap.webhook;

import dev.satchel.bootstrap.TestEnvironmentResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** The same deliveries from the packaged application to the receiver in this JVM. */
@QuarkusIntegrationTest
@TestProfile(WebhookDeliveryProfile.class)
@WithTestResource(value = TestEnvironmentResource.class, scope = TestResourceScope.GLOBAL)
class WebhookDeliveryIT extends WebhookDeliveryTest {}
