package dev.satchel.application.job;

import dev.satchel.domain.file.FileMetadataRepository;
import dev.satchel.domain.share.ShareLinkRepository;
import dev.satchel.domain.tx.TransactionBoundary;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Deletes links that expired, were revoked or ran out more than a grace period ago (until then
 * they answer 410 rather than 404), then the deleted files' tombstones that no link needs.
 */
public final class PurgeDeadSharesService implements PurgeDeadSharesUseCase {
  private final ShareLinkRepository shares;
  private final FileMetadataRepository files;
  private final Clock clock;
  private final Duration grace;
  private final TransactionBoundary tx;

  public PurgeDeadSharesService(
      ShareLinkRepository shares, FileMetadataRepository files, Clock clock, Duration grace, TransactionBoundary tx) {
    this.shares = shares;
    this.files = files;
    this.clock = clock;
    this.grace = grace;
    this.tx = tx;
  }

  @Override
  public int purge() {
    Instant cutoff = clock.instant().minus(grace);
    return tx.inTransaction(() -> shares.purgeDeadBefore(cutoff) + files.purgeTombstonesBefore(cutoff));
  }
}
