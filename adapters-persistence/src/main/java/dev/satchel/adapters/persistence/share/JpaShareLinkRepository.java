package dev.satchel.adapters.persistence.share;

import dev.satchel.domain.file.FileId;
import dev.satchel.domain.share.ShareId;
import dev.satchel.domain.share.ShareLink;
import dev.satchel.domain.share.ShareLinkRepository;
import dev.satchel.domain.share.ShareTokenHash;
import dev.satchel.domain.user.PasswordHash;
import dev.satchel.domain.user.UserId;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.stream.Collectors;

/** PostgreSQL-backed {@link ShareLinkRepository}; callers provide the transaction. */
@ApplicationScoped
public class JpaShareLinkRepository implements ShareLinkRepository, PanacheRepositoryBase<ShareLinkEntity, UUID> {

  @Override
  public void add(ShareLink link) {
    ShareLinkEntity entity = new ShareLinkEntity();
    entity.id = link.id().value();
    entity.fileId = link.fileId().value();
    entity.ownerId = link.owner().value();
    entity.tokenHash = link.tokenHash().hex();
    entity.createdAt = link.createdAt();
    entity.expiresAt = link.expiresAt();
    entity.maxDownloads = link.maxDownloads().isPresent() ? link.maxDownloads().getAsInt() : null;
    entity.downloadCount = link.downloadCount();
    entity.passwordHash = link.passwordHash().map(PasswordHash::encoded).orElse(null);
    entity.revokedAt = link.revokedAt().orElse(null);
    persistAndFlush(entity);
  }

  @Override
  public Optional<ShareLink> findByTokenHash(ShareTokenHash tokenHash) {
    return find("tokenHash", tokenHash.hex()).firstResultOptional().map(JpaShareLinkRepository::toDomain);
  }

  @Override
  public Optional<ShareLink> findOwned(ShareId id, UserId owner) {
    return find("id = ?1 and ownerId = ?2", id.value(), owner.value())
        .firstResultOptional()
        .map(JpaShareLinkRepository::toDomain);
  }

  @Override
  public List<ShareLink> listForFile(FileId fileId, UserId owner) {
    return list("fileId = ?1 and ownerId = ?2 order by createdAt desc, id desc", fileId.value(), owner.value())
        .stream()
        .map(JpaShareLinkRepository::toDomain)
        .toList();
  }

  @Override
  public boolean revoke(ShareId id, UserId owner, Instant at) {
    return update("revokedAt = ?1 where id = ?2 and ownerId = ?3 and revokedAt is null", at, id.value(), owner.value())
        == 1;
  }

  @Override
  public Optional<ShareLink> claimDownload(ShareId id, Instant now) {
    // One conditional UPDATE: PostgreSQL's row lock makes the check and the increment atomic.
    int counted = getEntityManager()
        .createNativeQuery("UPDATE share_links SET download_count = download_count + 1,"
            + " exhausted_at = CASE WHEN download_count + 1 >= max_downloads THEN CAST(:now AS timestamptz) ELSE exhausted_at END"
            + " WHERE id = :id AND revoked_at IS NULL AND expires_at > :now"
            + " AND (max_downloads IS NULL OR download_count < max_downloads)")
        .setParameter("id", id.value())
        .setParameter("now", now)
        .executeUpdate();
    if (counted == 0) {
      return Optional.empty();
    }
    ShareLinkEntity entity = findById(id.value());
    getEntityManager().refresh(entity);
    return Optional.of(toDomain(entity));
  }

  @Override
  public List<ShareLink> addDownloads(Map<ShareId, Long> counts) {
    if (counts.isEmpty()) {
      return List.of();
    }
    // One statement for the whole batch: two parallel arrays, passed as text (UUIDs and numbers
    // only) so no driver-specific array binding is needed; saturating keeps the integer column valid.
    // One order for every replica's flush, so two flushes of the same hot links lock their rows in
    // the same order and cannot deadlock each other. RETURNING gives the counts this statement
    // wrote, which another replica's flush may pass a moment later.
    var entries = counts.entrySet().stream()
        .sorted(Map.Entry.comparingByKey(Comparator.comparing(ShareId::value)))
        .toList();
    String ids = entries.stream().map(e -> e.getKey().value().toString()).collect(Collectors.joining(","));
    String added = entries.stream().map(e -> Long.toString(e.getValue())).collect(Collectors.joining(","));
    @SuppressWarnings("unchecked")
    List<ShareLinkEntity> updated = getEntityManager()
        .createNativeQuery("UPDATE share_links SET download_count ="
            + " CAST(LEAST(CAST(share_links.download_count AS bigint) + v.n, 2147483647) AS integer)"
            + " FROM unnest(CAST(string_to_array(:ids, ',') AS uuid[]), CAST(string_to_array(:added, ',') AS bigint[]))"
            + " AS v(id, n) WHERE share_links.id = v.id RETURNING share_links.*", ShareLinkEntity.class)
        .setParameter("ids", ids)
        .setParameter("added", added)
        .getResultList();
    return updated.stream().map(JpaShareLinkRepository::toDomain).toList();
  }

  @Override
  public int purgeDeadBefore(Instant cutoff) {
    return getEntityManager()
        .createNativeQuery("DELETE FROM share_links WHERE expires_at < :cutoff OR revoked_at < :cutoff"
            + " OR exhausted_at < :cutoff")
        .setParameter("cutoff", cutoff)
        .executeUpdate();
  }

  private static ShareLink toDomain(ShareLinkEntity e) {
    return new ShareLink(
        new ShareId(e.id),
        new FileId(e.fileId),
        new UserId(e.ownerId),
        new ShareTokenHash(e.tokenHash),
        e.createdAt,
        e.expiresAt,
        e.maxDownloads == null ? OptionalInt.empty() : OptionalInt.of(e.maxDownloads),
        e.downloadCount,
        Optional.ofNullable(e.passwordHash).map(PasswordHash::new),
        Optional.ofNullable(e.revokedAt));
  }
}
