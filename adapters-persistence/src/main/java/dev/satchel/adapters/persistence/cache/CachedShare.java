package dev.satchel.adapters.persistence.cache;

import dev.satchel.domain.file.FileId;
import dev.satchel.domain.share.ShareId;
import dev.satchel.domain.share.ShareLink;
import dev.satchel.domain.share.ShareTokenHash;
import dev.satchel.domain.user.PasswordHash;
import dev.satchel.domain.user.UserId;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/** A share link as stored in Redis: short field names keep entries compact. */
@RegisterForReflection
public record CachedShare(
    UUID i, UUID f, UUID o, String h, Instant c, Instant e, Integer m, int d, String p, Instant r) {

  static CachedShare from(ShareLink link) {
    return new CachedShare(link.id().value(), link.fileId().value(), link.owner().value(), link.tokenHash().hex(),
        link.createdAt(), link.expiresAt(), link.maxDownloads().isPresent() ? link.maxDownloads().getAsInt() : null,
        link.downloadCount(), link.passwordHash().map(PasswordHash::encoded).orElse(null), link.revokedAt().orElse(null));
  }

  ShareLink toDomain() {
    return new ShareLink(new ShareId(i), new FileId(f), new UserId(o), new ShareTokenHash(h), c, e,
        m == null ? OptionalInt.empty() : OptionalInt.of(m), d, Optional.ofNullable(p).map(PasswordHash::new),
        Optional.ofNullable(r));
  }
}
