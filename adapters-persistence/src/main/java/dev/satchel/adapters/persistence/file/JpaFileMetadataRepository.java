package dev.satchel.adapters.persistence.file;

import dev.satchel.domain.file.FileId;
import dev.satchel.domain.file.FileMetadata;
import dev.satchel.domain.file.FileMetadataRepository;
import dev.satchel.domain.file.FileQuery;
import dev.satchel.domain.storage.StorageKey;
import dev.satchel.domain.user.UserId;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** PostgreSQL-backed {@link FileMetadataRepository}; callers provide the transaction. */
@ApplicationScoped
public class JpaFileMetadataRepository implements FileMetadataRepository, PanacheRepositoryBase<FileEntity, UUID> {

  @Override
  public void add(FileMetadata file) {
    persistAndFlush(FileEntityMapper.toEntity(file));
  }

  @Override
  public Optional<FileMetadata> findLive(FileId id) {
    return find("id = ?1 and deletedAt is null", id.value()).firstResultOptional().map(FileEntityMapper::toDomain);
  }

  @Override
  public Optional<FileMetadata> findLiveLocked(FileId id) {
    // FOR SHARE: a concurrent markDeleted waits for this transaction, and fails after it if the
    // row was deleted first.
    return find("id = ?1 and deletedAt is null", id.value())
        .withLock(LockModeType.PESSIMISTIC_READ)
        .firstResultOptional()
        .map(FileEntityMapper::toDomain);
  }

  @Override
  public boolean isDeleted(FileId id) {
    return count("id = ?1 and deletedAt is not null", id.value()) > 0;
  }

  @Override
  public boolean markDeleted(FileId id, UserId owner, Instant deletedAt) {
    return update("deletedAt = ?1 where id = ?2 and ownerId = ?3 and deletedAt is null",
        deletedAt, id.value(), owner.value()) == 1;
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<FileMetadata> find(FileQuery query) {
    FileSearchSql search = new FileSearchSql(query);
    Query statement = getEntityManager().createNativeQuery(search.sql(), FileEntity.class);
    search.parameters().forEach(statement::setParameter);
    return ((List<FileEntity>) statement.getResultList()).stream().map(FileEntityMapper::toDomain).toList();
  }

  @Override
  public long storedBytes(UserId owner) {
    Number total = (Number) getEntityManager()
        .createNativeQuery("SELECT COALESCE(SUM(size_bytes), 0) FROM files WHERE owner_id = :owner AND deleted_at IS NULL")
        .setParameter("owner", owner.value())
        .getSingleResult();
    return total.longValue();
  }

  @Override
  public long storedBytesLockingOwner(UserId owner) {
    // The user row is the owner's quota lock. NO KEY UPDATE, not UPDATE: it still lets the
    // foreign-key checks of concurrent inserts (KEY SHARE) through, and conflicts only with itself.
    getEntityManager()
        .createNativeQuery("SELECT id FROM users WHERE id = :owner FOR NO KEY UPDATE")
        .setParameter("owner", owner.value())
        .getResultList();
    return storedBytes(owner);
  }

  @Override
  public Set<StorageKey> referencedBlobs(Collection<StorageKey> keys) {
    if (keys.isEmpty()) {
      return Set.of();
    }
    // One statement per batch; the unique index on storage_key answers each key.
    List<String> referenced = getEntityManager()
        .createQuery("SELECT f.storageKey FROM FileEntity f WHERE f.storageKey IN :keys AND f.deletedAt IS NULL",
            String.class)
        .setParameter("keys", keys.stream().map(StorageKey::value).distinct().toList())
        .getResultList();
    return referenced.stream().map(StorageKey::new).collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public int purgeTombstonesBefore(Instant cutoff) {
    return getEntityManager()
        .createNativeQuery("DELETE FROM files f WHERE f.deleted_at < :cutoff"
            + " AND NOT EXISTS (SELECT 1 FROM share_links s WHERE s.file_id = f.id)")
        .setParameter("cutoff", cutoff)
        .executeUpdate();
  }
}
