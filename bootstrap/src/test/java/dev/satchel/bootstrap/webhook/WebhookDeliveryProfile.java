package dev.satchel.bootstrap.webhook;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Webhook deliveries on, to a receiver on 127.0.0.1 (the private-address allowance), with a short
 * first retry and a short timeout so retries and timeouts happen within a test.
 */
public class WebhookDeliveryProfile implements QuarkusTestProfile {
  /** The delivery timeout of this profile. */
  public static final String TIMEOUT = "PT2S";

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of(
        "satchel.webhooks.allow-private", "true",
        "satchel.webhooks.delivery-enabled", "true",
        "satchel.webhooks.first-retry", "PT1S",
        "satchel.webhooks.poll-interval", "PT1S",
        "satchel.webhooks.timeout", TIMEOUT);
  }
}
