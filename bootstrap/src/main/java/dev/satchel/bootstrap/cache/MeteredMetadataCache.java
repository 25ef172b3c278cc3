package dev.satchel.bootstrap.cache;

import dev.satchel.domain.cache.MetadataCache;
import dev.satchel.domain.file.FileId;
import dev.satchel.domain.file.FileMetadata;
import dev.satchel.domain.share.ShareLink;
import dev.satchel.domain.share.ShareTokenHash;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;

/**
 * Counts hits, misses and invalidations of whichever cache backend is configured, per cache
 * ({@code file}, {@code share}), as {@code satchel_cache_requests_total} and
 * {@code satchel_cache_evictions_total}.
 */
public final class MeteredMetadataCache implements MetadataCache {
  private final MetadataCache delegate;
  private final Counter fileHits;
  private final Counter fileMisses;
  private final Counter fileEvictions;
  private final Counter shareHits;
  private final Counter shareMisses;
  private final Counter shareEvictions;

  public MeteredMetadataCache(MetadataCache delegate, MeterRegistry metrics, String backend) {
    this.delegate = delegate;
    this.fileHits = requests(metrics, backend, "file", "hit");
    this.fileMisses = requests(metrics, backend, "file", "miss");
    this.shareHits = requests(metrics, backend, "share", "hit");
    this.shareMisses = requests(metrics, backend, "share", "miss");
    this.fileEvictions = metrics.counter("satchel.cache.evictions", "backend", backend, "cache", "file");
    this.shareEvictions = metrics.counter("satchel.cache.evictions", "backend", backend, "cache", "share");
  }

  private static Counter requests(MeterRegistry metrics, String backend, String cache, String result) {
    return metrics.counter("satchel.cache.requests", "backend", backend, "cache", cache, "result", result);
  }

  @Override
  public Optional<FileMetadata> file(FileId id) {
    Optional<FileMetadata> found = delegate.file(id);
    (found.isPresent() ? fileHits : fileMisses).increment();
    return found;
  }

  // Only hits are counted here: a caller that finds nothing asks file() next, which counts the miss.
  @Override
  public Optional<FileMetadata> fileInMemory(FileId id) {
    Optional<FileMetadata> found = delegate.fileInMemory(id);
    found.ifPresent(hit -> fileHits.increment());
    return found;
  }

  @Override
  public Optional<ShareLink> shareInMemory(ShareTokenHash tokenHash) {
    Optional<ShareLink> found = delegate.shareInMemory(tokenHash);
    found.ifPresent(hit -> shareHits.increment());
    return found;
  }

  @Override
  public void putFile(FileMetadata file) {
    delegate.putFile(file);
  }

  @Override
  public void evictFile(FileId id) {
    fileEvictions.increment();
    delegate.evictFile(id);
  }

  @Override
  public Optional<ShareLink> share(ShareTokenHash tokenHash) {
    Optional<ShareLink> found = delegate.share(tokenHash);
    (found.isPresent() ? shareHits : shareMisses).increment();
    return found;
  }

  @Override
  public void putShare(ShareLink link) {
    delegate.putShare(link);
  }

  @Override
  public void evictShare(ShareTokenHash tokenHash) {
    shareEvictions.increment();
    delegate.evictShare(tokenHash);
  }
}
