package dev.satchel.adapters.persistence.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.satchel.domain.cache.MetadataCache;
import dev.satchel.domain.file.FileId;
import dev.satchel.domain.file.FileMetadata;
import dev.satchel.domain.share.ShareLink;
import dev.satchel.domain.share.ShareTokenHash;
import java.time.Duration;
import java.util.Optional;

/**
 * One replica's {@link MetadataCache} on Caffeine: entries expire after the configured TTL and
 * the least recently used are evicted beyond a size bound. Alone it is right for one replica
 * only; {@link ClusterCoherentMetadataCache} keeps it right for several.
 */
public class InMemoryMetadataCache implements MetadataCache {
  private final Cache<FileId, FileMetadata> files;
  private final Cache<ShareTokenHash, ShareLink> shares;

  public InMemoryMetadataCache(Duration ttl, long maxEntries) {
    this.files = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxEntries).recordStats().build();
    this.shares = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxEntries).recordStats().build();
  }

  @Override
  public Optional<FileMetadata> file(FileId id) {
    return Optional.ofNullable(files.getIfPresent(id));
  }

  @Override
  public Optional<FileMetadata> fileInMemory(FileId id) {
    return file(id);
  }

  @Override
  public Optional<ShareLink> shareInMemory(ShareTokenHash tokenHash) {
    return share(tokenHash);
  }

  @Override
  public void putFile(FileMetadata file) {
    files.put(file.id(), file);
  }

  @Override
  public void evictFile(FileId id) {
    files.invalidate(id);
  }

  @Override
  public Optional<ShareLink> share(ShareTokenHash tokenHash) {
    return Optional.ofNullable(shares.getIfPresent(tokenHash));
  }

  @Override
  public void putShare(ShareLink link) {
    shares.put(link.tokenHash(), link);
  }

  @Override
  public void evictShare(ShareTokenHash tokenHash) {
    shares.invalidate(tokenHash);
  }

  /** Forgets every entry. */
  public void clear() {
    files.invalidateAll();
    shares.invalidateAll();
  }

  /** Evictions by size or expiry so far, for metrics. */
  public long evictionCount() {
    return files.stats().evictionCount() + shares.stats().evictionCount();
  }
}
