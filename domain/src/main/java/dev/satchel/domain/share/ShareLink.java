package dev.satchel.domain.share;

import dev.satchel.domain.error.ShareGone;
import dev.satchel.domain.file.FileId;
import dev.satchel.domain.user.PasswordHash;
import dev.satchel.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A public link to one file. Invariants: it works only before {@link #expiresAt()}, while not
 * revoked, and while {@link #downloadCount()} is below {@link #maxDownloads()} when one is set.
 */
public record ShareLink(
    ShareId id,
    FileId fileId,
    UserId owner,
    ShareTokenHash tokenHash,
    Instant createdAt,
    Instant expiresAt,
    OptionalInt maxDownloads,
    int downloadCount,
    Optional<PasswordHash> passwordHash,
    Optional<Instant> revokedAt) {

  public ShareLink {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(fileId, "fileId");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(tokenHash, "tokenHash");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(maxDownloads, "maxDownloads");
    Objects.requireNonNull(passwordHash, "passwordHash");
    Objects.requireNonNull(revokedAt, "revokedAt");
  }

  public boolean isPasswordProtected() {
    return passwordHash.isPresent();
  }

  /** Why this link cannot be used at {@code now}, if it cannot. */
  public Optional<ShareGone.Reason> unusableReason(Instant now) {
    if (revokedAt.isPresent()) {
      return Optional.of(ShareGone.Reason.REVOKED);
    }
    if (!now.isBefore(expiresAt)) {
      return Optional.of(ShareGone.Reason.EXPIRED);
    }
    if (maxDownloads.isPresent() && downloadCount >= maxDownloads.getAsInt()) {
      return Optional.of(ShareGone.Reason.EXHAUSTED);
    }
    return Optional.empty();
  }
}
