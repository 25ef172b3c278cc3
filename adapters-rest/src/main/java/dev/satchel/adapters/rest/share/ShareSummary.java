package dev.satchel.adapters.rest.share;

import dev.satchel.domain.share.ShareLink;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A link as its owner lists it: its state and use, never its token (only the hash is kept). */
@Schema(name = "ShareLink")
public record ShareSummary(
    UUID shareId, UUID fileId, Instant createdAt, Instant expiresAt, Integer maxDownloads, int downloadCount,
    boolean passwordProtected, boolean revoked, @Schema(description = "active, expired, revoked or exhausted") String status) {

  static ShareSummary from(ShareLink link, Instant now) {
    String status = link.unusableReason(now).map(r -> r.name().toLowerCase(java.util.Locale.ROOT)).orElse("active");
    return new ShareSummary(link.id().value(), link.fileId().value(), link.createdAt(), link.expiresAt(),
        link.maxDownloads().isPresent() ? link.maxDownloads().getAsInt() : null, link.downloadCount(),
        link.isPasswordProtected(), link.revokedAt().isPresent(), status);
  }
}
