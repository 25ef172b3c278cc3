package dev.satchel.domain.testing;

import dev.satchel.domain.cache.MetadataCache;
import dev.satchel.domain.file.FileId;
import dev.satchel.domain.file.FileMetadata;
import dev.satchel.domain.share.ShareLink;
import dev.satchel.domain.share.ShareTokenHash;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A cache that never forgets on its own, so a test sees exactly what was put and evicted. */
public final class InMemoryMetadataCache implements MetadataCache {
  private final Map<FileId, FileMetadata> files = new ConcurrentHashMap<>();
  private final Map<ShareTokenHash, ShareLink> shares = new ConcurrentHashMap<>();

  @Override
  public Optional<FileMetadata> file(FileId id) {
    return Optional.ofNullable(files.get(id));
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
    files.remove(id);
  }

  @Override
  public Optional<ShareLink> share(ShareTokenHash tokenHash) {
    return Optional.ofNullable(shares.get(tokenHash));
  }

  @Override
  public void putShare(ShareLink link) {
    shares.put(link.tokenHash(), link);
  }

  @Override
  public void evictShare(ShareTokenHash tokenHash) {
    shares.remove(tokenHash);
  }
}
