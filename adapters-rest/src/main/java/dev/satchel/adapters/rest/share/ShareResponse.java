package dev.satchel.adapters.rest.share;

import dev.satchel.application.share.CreatedShare;
import dev.satchel.domain.share.ShareLink;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of a created link; the only time the token is ever shown. */
@Schema(name = "CreatedShare")
public record ShareResponse(
    UUID shareId, UUID fileId, String token, String shareUrl, Instant expiresAt, Integer maxDownloads,
    boolean passwordProtected) {

  static ShareResponse from(CreatedShare created, String publicBaseUrl) {
    ShareLink link = created.link();
    String token = created.token().value();
    return new ShareResponse(link.id().value(), link.fileId().value(), token, publicBaseUrl + "/share/" + token,
        link.expiresAt(), link.maxDownloads().isPresent() ? link.maxDownloads().getAsInt() : null,
        link.isPasswordProtected());
  }
}
