package dev.satchel.adapters.persistence.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.satchel.adapters.persistence.redis.RedisGuard;
import dev.satchel.domain.cache.MetadataCache;
import dev.satchel.domain.file.FileId;
import dev.satchel.domain.file.FileMetadata;
import dev.satchel.domain.share.ShareLink;
import dev.satchel.domain.share.ShareTokenHash;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.keys.KeyCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.quarkus.redis.datasource.value.ValueCommands;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * {@link MetadataCache} shared by every replica: compact JSON under versioned keys with a TTL.
 * Redis failures never fail a request; they turn into misses (see {@link RedisGuard}).
 */
public class RedisMetadataCache implements MetadataCache {
  private static final Logger LOG = Logger.getLogger(RedisMetadataCache.class);
  /**
   * What an eviction leaves under the key for one TTL: a replica that read the row just before the
   * change that evicted it must not put its stale copy back (puts only fill an absent key). Every
   * eviction marks a dead entry (deleted file, revoked or exhausted link), so nothing live is
   * kept out of the cache by it.
   */
  private static final String TOMBSTONE = "-";

  private final ValueCommands<String, String> values;
  private final KeyCommands<String> keys;
  private final ObjectMapper json;
  private final RedisGuard guard;
  private final String prefix;
  private final long ttlMillis;

  public RedisMetadataCache(RedisDataSource redis, ObjectMapper json, RedisGuard guard, String prefix, Duration ttl) {
    this.values = redis.value(String.class);
    this.keys = redis.key();
    // Entries written by another version of Satchel may carry fields this one does not know: the
    // strict request-body rules are for clients, not for the cache's own format.
    this.json = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    this.guard = guard;
    this.prefix = prefix;
    this.ttlMillis = ttl.toMillis();
  }

  @Override
  public Optional<FileMetadata> file(FileId id) {
    String key = fileKey(id);
    return guard.read("get", () -> Optional.ofNullable(values.get(key)))
        .filter(text -> !TOMBSTONE.equals(text))
        .flatMap(text -> decode(key, text, CachedFile.class, CachedFile::toDomain));
  }

  @Override
  public void putFile(FileMetadata file) {
    String text = encode(CachedFile.from(file));
    guard.write("set", false, () -> values.set(fileKey(file.id()), text, fillOnly()));
  }

  @Override
  public void evictFile(FileId id) {
    guard.write("set", true, () -> values.psetex(fileKey(id), ttlMillis, TOMBSTONE));
  }

  @Override
  public Optional<ShareLink> share(ShareTokenHash tokenHash) {
    String key = shareKey(tokenHash);
    return guard.read("get", () -> Optional.ofNullable(values.get(key)))
        .filter(text -> !TOMBSTONE.equals(text))
        .flatMap(text -> decode(key, text, CachedShare.class, CachedShare::toDomain));
  }

  @Override
  public void putShare(ShareLink link) {
    String text = encode(CachedShare.from(link));
    guard.write("set", false, () -> values.set(shareKey(link.tokenHash()), text, fillOnly()));
  }

  @Override
  public void evictShare(ShareTokenHash tokenHash) {
    guard.write("set", true, () -> values.psetex(shareKey(tokenHash), ttlMillis, TOMBSTONE));
  }

  // SET ... PX ttl NX: fills an absent key, never overwrites an entry or a tombstone.
  private SetArgs fillOnly() {
    return new SetArgs().px(ttlMillis).nx();
  }

  private String fileKey(FileId id) {
    return prefix + "file:" + id.value();
  }

  private String shareKey(ShareTokenHash hash) {
    return prefix + "share:" + hash.hex();
  }

  private String encode(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode cache entry", e);
    }
  }

  /**
   * An entry that cannot be read back (garbled, from an older format, or failing the domain's
   * validation) is a miss, never an error: it is deleted, and the caller's read of PostgreSQL
   * overwrites it.
   */
  private <C, T> Optional<T> decode(String key, String text, Class<C> type, Function<C, T> toDomain) {
    try {
      return Optional.of(toDomain.apply(json.readValue(text, type)));
    } catch (JsonProcessingException | RuntimeException unreadable) {
      LOG.warnf("unreadable cache entry %s (%s); treating it as a miss", key, unreadable.getClass().getSimpleName());
      guard.write("del", true, () -> keys.del(key));
      return Optional.empty();
    }
  }
}
