package dev.satchel.adapters.persistence.cache;

import dev.satchel.domain.cache.MetadataCache;
import dev.satchel.domain.file.FileId;
import dev.satchel.domain.file.FileMetadata;
import dev.satchel.domain.share.ShareLink;
import dev.satchel.domain.share.ShareTokenHash;
import java.util.Optional;

/** The cache switched off ({@code CACHE_TYPE=none}): every read goes to PostgreSQL. */
public class NoMetadataCache implements MetadataCache {
  @Override
  public Optional<FileMetadata> file(FileId id) {
    return Optional.empty();
  }

  @Override
  public void putFile(FileMetadata file) {
    // nothing is kept
  }

  @Override
  public void evictFile(FileId id) {
    // nothing is kept
  }

  @Override
  public Optional<ShareLink> share(ShareTokenHash tokenHash) {
    return Optional.empty();
  }

  @Override
  public void putShare(ShareLink link) {
    // nothing is kept
  }

  @Override
  public void evictShare(ShareTokenHash tokenHash) {
    // nothing is kept
  }
}
