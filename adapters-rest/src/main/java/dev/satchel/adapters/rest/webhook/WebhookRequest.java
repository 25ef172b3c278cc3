package dev.satchel.adapters.rest.webhook;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /webhooks}. */
@Schema(name = "WebhookRequest")
public record WebhookRequest(
    @Schema(required = true, format = "uri", maxLength = 2048, example = "https://hooks.example.com/satchel",
        description = "http or https; no user info or fragment; the host must resolve to public addresses only"
            + " (unless SATCHEL_WEBHOOKS_ALLOW_PRIVATE=true); IP literals in canonical form only")
    String url,
    @Schema(description = "Event types to deliver; omitted or null: every type. Unknown or repeated names are refused.",
        minItems = 1, maxItems = 32, example = "[\"file.uploaded\", \"share.downloaded\"]")
    List<String> events) {}
