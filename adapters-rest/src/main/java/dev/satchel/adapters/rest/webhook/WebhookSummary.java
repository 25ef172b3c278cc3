package dev.satchel.adapters.rest.webhook;

import dev.satchel.domain.webhook.Webhook;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A webhook as its owner lists it: never its secret. */
@Schema(name = "Webhook")
public record WebhookSummary(
    @Schema(required = true) UUID webhookId,
    @Schema(required = true, format = "uri") String url,
    @Schema(required = true, description = "The subscribed event types; empty: every type") List<String> events,
    @Schema(required = true) Instant createdAt) {

  static WebhookSummary from(Webhook webhook) {
    return new WebhookSummary(webhook.id().value(), webhook.url().value(), List.copyOf(webhook.events().types()),
        webhook.createdAt());
  }
}
