package dev.satchel.adapters.rest.webhook;

import dev.satchel.domain.webhook.Webhook;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of a registered webhook; the only time its secret is ever shown. */
@Schema(name = "CreatedWebhook")
public record CreatedWebhook(
    @Schema(required = true) UUID webhookId,
    @Schema(required = true, format = "uri") String url,
    @Schema(required = true, description = "The subscribed event types; empty: every type") List<String> events,
    @Schema(required = true, pattern = "^whsec_[A-Za-z0-9+/]{43}=$", description = "Signing secret: whsec_ +"
        + " base64 of 32 random bytes. The HMAC key is the decoded bytes. Shown only in this answer.")
    String secret,
    @Schema(required = true) Instant createdAt) {

  static CreatedWebhook from(Webhook webhook) {
    return new CreatedWebhook(webhook.id().value(), webhook.url().value(), List.copyOf(webhook.events().types()),
        webhook.secret().printed(), webhook.createdAt());
  }

  @Override
  public String toString() {
    return "CreatedWebhook[webhookId=" + webhookId + ", url=" + url + ", secret=***]";
  }
}
