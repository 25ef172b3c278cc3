package dev.satchel.adapters.rest.share;

import dev.satchel.application.share.CreatedShare;
import dev.satchel.domain.share.ShareLink;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of a created link; the only time the token is ever shown. */
@Schema(name = "CreatedShare")
public record ShareResponse(
    @Schema(required = true) UUID shareId,
    @Schema(required = true) UUID fileId,
    @Schema(required = true, description = "URL-safe secret of the link; shown only in this answer") String token,
    @Schema(required = true, format = "uri", description = "PUBLIC_BASE_URL/share/{token}") String shareUrl,
    @Schema(required = true) Instant expiresAt,
    @Schema(required = true, nullable = true, minimum = "1", description = "null: unlimited") Integer maxDownloads,
    @Schema(required = true) boolean passwordProtected) {

  static ShareResponse from(CreatedShare created, String publicBaseUrl) {
    ShareLink link = created.link();
    String token = created.token().value();
    return new ShareResponse(link.id().value(), link.fileId().value(), token, publicBaseUrl + "/share/" + token,
        link.expiresAt(), link.maxDownloads().isPresent() ? link.maxDownloads().getAsInt() : null,
        link.isPasswordProtected());
  }
}
