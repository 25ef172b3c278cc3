package dev.satchel.application.share;

import dev.satchel.domain.cache.MetadataCache;
import dev.satchel.domain.error.ShareNotFound;
import dev.satchel.domain.share.ShareId;
import dev.satchel.domain.share.ShareLink;
import dev.satchel.domain.share.ShareLinkRepository;
import dev.satchel.domain.tx.TransactionBoundary;
import dev.satchel.domain.user.UserId;
import java.time.Clock;

/** Marks a link revoked, then evicts its cached copy so no replica serves it again. */
public final class RevokeShareService implements RevokeShareUseCase {
  private final ShareLinkRepository shares;
  private final MetadataCache cache;
  private final Clock clock;
  private final TransactionBoundary tx;

  public RevokeShareService(ShareLinkRepository shares, MetadataCache cache, Clock clock, TransactionBoundary tx) {
    this.shares = shares;
    this.cache = cache;
    this.clock = clock;
    this.tx = tx;
  }

  @Override
  public void revoke(UserId caller, ShareId id) {
    ShareLink link = tx.inTransaction(() -> {
      ShareLink owned = shares.findOwned(id, caller).orElseThrow(ShareNotFound::new);
      shares.revoke(id, caller, clock.instant());
      return owned;
    });
    cache.evictShare(link.tokenHash());
  }
}
