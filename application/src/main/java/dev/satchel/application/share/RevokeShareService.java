package dev.satchel.application.share;

import dev.satchel.application.event.EventRecorder;
import dev.satchel.domain.cache.MetadataCache;
import dev.satchel.domain.error.ShareNotFound;
import dev.satchel.domain.share.ShareId;
import dev.satchel.domain.share.ShareLink;
import dev.satchel.domain.share.ShareLinkRepository;
import dev.satchel.domain.tx.TransactionBoundary;
import dev.satchel.domain.user.UserId;
import java.time.Clock;

/** Marks a link revoked with its {@code share.revoked} event, then evicts its cached copy so no replica serves it again. */
public final class RevokeShareService implements RevokeShareUseCase {
  private final ShareLinkRepository shares;
  private final MetadataCache cache;
  private final Clock clock;
  private final TransactionBoundary tx;
  private final EventRecorder events;

  public RevokeShareService(
      ShareLinkRepository shares, MetadataCache cache, Clock clock, TransactionBoundary tx, EventRecorder events) {
    this.shares = shares;
    this.cache = cache;
    this.clock = clock;
    this.tx = tx;
    this.events = events;
  }

  @Override
  public void revoke(UserId caller, ShareId id) {
    ShareLink link = tx.inTransaction(() -> {
      ShareLink owned = shares.findOwned(id, caller).orElseThrow(ShareNotFound::new);
      if (shares.revoke(id, caller, clock.instant())) {
        events.shareRevoked(owned); // revoking twice is no second change
      }
      return owned;
    });
    cache.evictShare(link.tokenHash());
  }
}
