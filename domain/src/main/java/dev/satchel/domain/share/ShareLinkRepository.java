package dev.satchel.domain.share;

import dev.satchel.domain.file.FileId;
import dev.satchel.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Out-port: where share links are kept. */
public interface ShareLinkRepository {

  void add(ShareLink link);

  Optional<ShareLink> findByTokenHash(ShareTokenHash tokenHash);

  Optional<ShareLink> findOwned(ShareId id, UserId owner);

  /** The owner's links to one file, newest first. */
  List<ShareLink> listForFile(FileId fileId, UserId owner);

  /** Marks the owner's link revoked; false when it is not theirs or was already revoked. */
  boolean revoke(ShareId id, UserId owner, Instant at);

  /**
   * Atomically counts one download if the link is still usable at {@code now}: two concurrent
   * claims of a link's last download never both succeed.
   *
   * @return the link with its new count, or empty when nothing was counted
   */
  Optional<ShareLink> claimDownload(ShareId id, Instant now);

  /**
   * Adds downloads counted elsewhere (in memory, for links without a limit) to each link's count,
   * in one statement: {@code counts} maps a link to how many downloads to add (each &gt; 0). The
   * link's state is not checked (the count is informational), ids without a row are skipped, and
   * a count saturates at {@link Integer#MAX_VALUE}.
   *
   * @return the updated links with their new counts, in no particular order
   */
  List<ShareLink> addDownloads(Map<ShareId, Long> counts);

  /** Deletes links that expired, were revoked or ran out before {@code cutoff}; returns how many. */
  int purgeDeadBefore(Instant cutoff);
}
