package dev.satchel.adapters.persistence.cache;

import dev.satchel.domain.cache.MetadataCache;
import dev.satchel.domain.cluster.ClusterNotifier;
import dev.satchel.domain.file.FileId;
import dev.satchel.domain.file.FileMetadata;
import dev.satchel.domain.share.ShareLink;
import dev.satchel.domain.share.ShareTokenHash;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Keeps one replica's {@link InMemoryMetadataCache} coherent with every other replica's: each
 * eviction is applied here and broadcast through the {@link ClusterNotifier}, and evictions the
 * others broadcast are applied here as they arrive (within the notifier's poll interval). While
 * the broadcast cannot be received, the local cache is neither read nor filled, and it is emptied
 * when listening starts again, since evictions sent meanwhile are lost.
 *
 * <p>A row read from the database just before another replica changed it must not be put here
 * just after that change's eviction arrived. So a put is kept only when it follows a miss of the
 * same key on the same thread (the read-through pattern of its callers) with no eviction and no
 * connection change anywhere in between; otherwise it is dropped and the next read asks the
 * database again.
 *
 * <p>Messages on topic {@value #TOPIC}: {@code file:<uuid>} or {@code share:<token hash hex>}.
 */
public final class ClusterCoherentMetadataCache implements MetadataCache {
  /** The notifier topic of cache evictions. */
  public static final String TOPIC = "cache";

  private static final Logger LOG = Logger.getLogger(ClusterCoherentMetadataCache.class);
  private static final String FILE = "file:";
  private static final String SHARE = "share:";

  private record Miss(String key, long generation) {}

  private final InMemoryMetadataCache local;
  private final ClusterNotifier notifier;
  /** Counts evictions and connection changes: a put is stale if it moved since the miss. */
  private final AtomicLong generation = new AtomicLong();
  private final ThreadLocal<Miss> lastMiss = new ThreadLocal<>();
  private volatile boolean coherent;

  public ClusterCoherentMetadataCache(InMemoryMetadataCache local, ClusterNotifier notifier) {
    this.local = local;
    this.notifier = notifier;
    notifier.subscribe(TOPIC, new Evictions());
  }

  /** Whether entries are being served: only while other replicas' evictions are received. */
  public boolean isCoherent() {
    return coherent;
  }

  @Override
  public Optional<FileMetadata> file(FileId id) {
    return read(FILE + id.value(), () -> local.file(id));
  }

  // No miss is remembered: nothing is put after an in-memory read, the caller reads through file().
  @Override
  public Optional<FileMetadata> fileInMemory(FileId id) {
    return coherent ? local.fileInMemory(id) : Optional.empty();
  }

  @Override
  public Optional<ShareLink> shareInMemory(ShareTokenHash tokenHash) {
    return coherent ? local.shareInMemory(tokenHash) : Optional.empty();
  }

  @Override
  public void putFile(FileMetadata file) {
    fill(FILE + file.id().value(), () -> local.putFile(file), () -> local.evictFile(file.id()));
  }

  @Override
  public void evictFile(FileId id) {
    generation.incrementAndGet();
    local.evictFile(id);
    notifier.publish(TOPIC, FILE + id.value());
  }

  @Override
  public Optional<ShareLink> share(ShareTokenHash tokenHash) {
    return read(SHARE + tokenHash.hex(), () -> local.share(tokenHash));
  }

  @Override
  public void putShare(ShareLink link) {
    fill(SHARE + link.tokenHash().hex(), () -> local.putShare(link), () -> local.evictShare(link.tokenHash()));
  }

  @Override
  public void evictShare(ShareTokenHash tokenHash) {
    generation.incrementAndGet();
    local.evictShare(tokenHash);
    notifier.publish(TOPIC, SHARE + tokenHash.hex());
  }

  private <T> Optional<T> read(String key, Supplier<Optional<T>> lookup) {
    long before = generation.get(); // taken before the lookup, so nothing evicted after it is missed
    Optional<T> found = coherent ? lookup.get() : Optional.empty();
    if (found.isEmpty()) {
      lastMiss.set(new Miss(key, before));
    }
    return found;
  }

  private void fill(String key, Runnable put, Runnable undo) {
    Miss miss = lastMiss.get();
    lastMiss.remove();
    if (!coherent || miss == null || !miss.key().equals(key) || miss.generation() != generation.get()) {
      return;
    }
    put.run();
    if (miss.generation() != generation.get()) {
      undo.run(); // an eviction arrived while putting: it may have run before the put landed
    }
  }

  /** Applies the other replicas' evictions and the connection changes. */
  private final class Evictions implements ClusterNotifier.Subscriber {
    @Override
    public void onMessage(String message) {
      generation.incrementAndGet();
      try {
        if (message.startsWith(FILE)) {
          local.evictFile(FileId.parse(message.substring(FILE.length())));
        } else if (message.startsWith(SHARE)) {
          local.evictShare(new ShareTokenHash(message.substring(SHARE.length())));
        } else {
          LOG.debugf("unknown cache message ignored: %s", message);
        }
      } catch (RuntimeException malformed) {
        LOG.debugf("malformed cache message ignored: %s", message);
      }
    }

    @Override
    public void onConnected() {
      generation.incrementAndGet();
      local.clear();
      coherent = true;
    }

    @Override
    public void onDisconnected() {
      coherent = false;
      generation.incrementAndGet();
      local.clear();
    }
  }
}
