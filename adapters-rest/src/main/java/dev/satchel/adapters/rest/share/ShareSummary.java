package dev.satchel.adapters.rest.share;

import dev.satchel.domain.share.ShareLink;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A link as its owner lists it: its state and use, never its token (only the hash is kept). */
@Schema(name = "ShareLink")
public record ShareSummary(
    @Schema(required = true) UUID shareId,
    @Schema(required = true) UUID fileId,
    @Schema(required = true) Instant createdAt,
    @Schema(required = true) Instant expiresAt,
    @Schema(required = true, nullable = true, minimum = "1", description = "null: unlimited") Integer maxDownloads,
    @Schema(required = true, minimum = "0", description = "Downloads counted so far; for links without"
        + " max_downloads it may lag by a few seconds") int downloadCount,
    @Schema(required = true) boolean passwordProtected,
    @Schema(required = true) boolean revoked,
    @Schema(required = true, enumeration = {"active", "expired", "revoked", "exhausted"}) String status) {

  static ShareSummary from(ShareLink link, Instant now) {
    String status = link.unusableReason(now).map(r -> r.name().toLowerCase(java.util.Locale.ROOT)).orElse("active");
    return new ShareSummary(link.id().value(), link.fileId().value(), link.createdAt(), link.expiresAt(),
        link.maxDownloads().isPresent() ? link.maxDownloads().getAsInt() : null, link.downloadCount(),
        link.isPasswordProtected(), link.revokedAt().isPresent(), status);
  }
}
