package dev.satchel.domain.cache;

import dev.satchel.domain.file.FileId;
import dev.satchel.domain.file.FileMetadata;
import dev.satchel.domain.share.ShareLink;
import dev.satchel.domain.share.ShareTokenHash;
import java.util.Optional;

/**
 * Out-port: a best-effort cache of hot metadata reads. It may forget anything at any time and
 * must never fail a request: adapters swallow and count their own errors.
 */
public interface MetadataCache {

  Optional<FileMetadata> file(FileId id);

  void putFile(FileMetadata file);

  void evictFile(FileId id);

  Optional<ShareLink> share(ShareTokenHash tokenHash);

  void putShare(ShareLink link);

  void evictShare(ShareTokenHash tokenHash);
}
