package dev.satchel.domain.testing;

import dev.satchel.domain.file.FileId;
import dev.satchel.domain.share.ShareId;
import dev.satchel.domain.share.ShareLink;
import dev.satchel.domain.share.ShareLinkRepository;
import dev.satchel.domain.share.ShareTokenHash;
import dev.satchel.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Share links in a map. Every method is synchronized, which makes {@link #claimDownload} as
 * atomic as the conditional UPDATE it stands in for.
 */
public class InMemoryShareLinkRepository implements ShareLinkRepository {
  private final Map<ShareId, ShareLink> links = new LinkedHashMap<>();

  @Override
  public synchronized void add(ShareLink link) {
    if (links.containsKey(link.id()) || withTokenHash(link.tokenHash()).isPresent()) {
      throw new IllegalStateException("duplicate share id or token hash");
    }
    links.put(link.id(), link);
  }

  @Override
  public synchronized Optional<ShareLink> findByTokenHash(ShareTokenHash tokenHash) {
    return withTokenHash(tokenHash);
  }

  @Override
  public synchronized Optional<ShareLink> findOwned(ShareId id, UserId owner) {
    return Optional.ofNullable(links.get(id)).filter(l -> l.owner().equals(owner));
  }

  @Override
  public synchronized List<ShareLink> listForFile(FileId fileId, UserId owner) {
    return links.values().stream()
        .filter(l -> l.fileId().equals(fileId) && l.owner().equals(owner))
        .sorted(Comparator.comparing(ShareLink::createdAt)
            .thenComparing(l -> l.id().value().toString())
            .reversed())
        .toList();
  }

  @Override
  public synchronized boolean revoke(ShareId id, UserId owner, Instant at) {
    Optional<ShareLink> target = Optional.ofNullable(links.get(id))
        .filter(l -> l.owner().equals(owner) && l.revokedAt().isEmpty());
    target.ifPresent(l -> links.put(id, new ShareLink(l.id(), l.fileId(), l.owner(), l.tokenHash(),
        l.createdAt(), l.expiresAt(), l.maxDownloads(), l.downloadCount(), l.passwordHash(), Optional.of(at))));
    return target.isPresent();
  }

  @Override
  public synchronized Optional<ShareLink> claimDownload(ShareId id, Instant now) {
    ShareLink l = links.get(id);
    if (l == null
        || l.revokedAt().isPresent()
        || !l.expiresAt().isAfter(now)
        || (l.maxDownloads().isPresent() && l.downloadCount() >= l.maxDownloads().getAsInt())) {
      return Optional.empty();
    }
    ShareLink counted = new ShareLink(l.id(), l.fileId(), l.owner(), l.tokenHash(), l.createdAt(),
        l.expiresAt(), l.maxDownloads(), l.downloadCount() + 1, l.passwordHash(), l.revokedAt());
    links.put(id, counted);
    return Optional.of(counted);
  }

  @Override
  public synchronized List<ShareLink> addDownloads(Map<ShareId, Long> counts) {
    List<ShareLink> updated = new ArrayList<>();
    for (Map.Entry<ShareId, Long> entry : counts.entrySet()) {
      ShareLink l = links.get(entry.getKey());
      if (l == null) {
        continue;
      }
      long total = Math.min(Integer.MAX_VALUE, l.downloadCount() + Objects.requireNonNull(entry.getValue()));
      ShareLink counted = new ShareLink(l.id(), l.fileId(), l.owner(), l.tokenHash(), l.createdAt(),
          l.expiresAt(), l.maxDownloads(), (int) total, l.passwordHash(), l.revokedAt());
      links.put(l.id(), counted);
      updated.add(counted);
    }
    return updated;
  }

  @Override
  public synchronized int purgeDeadBefore(Instant cutoff) {
    int before = links.size();
    links.values().removeIf(l -> l.expiresAt().isBefore(cutoff)
        || l.revokedAt().filter(t -> t.isBefore(cutoff)).isPresent()
        || (l.maxDownloads().isPresent() && l.downloadCount() >= l.maxDownloads().getAsInt()
            && l.createdAt().isBefore(cutoff)));
    return before - links.size();
  }

  // Methods call this, not findByTokenHash, so a test may override the lookup alone.
  private Optional<ShareLink> withTokenHash(ShareTokenHash tokenHash) {
    return links.values().stream().filter(l -> l.tokenHash().equals(tokenHash)).findFirst();
  }

  /** Whether any link points to the file: the foreign key that keeps its tombstone. */
  public synchronized boolean pointsTo(FileId fileId) {
    return links.values().stream().anyMatch(l -> l.fileId().equals(fileId));
  }

  public synchronized Optional<ShareLink> byId(ShareId id) {
    return Optional.ofNullable(links.get(id));
  }
}
