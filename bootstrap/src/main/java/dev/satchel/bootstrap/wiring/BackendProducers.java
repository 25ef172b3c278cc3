package dev.satchel.bootstrap.wiring;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.satchel.adapters.persistence.attempt.InMemoryAttemptCounter;
import dev.satchel.adapters.persistence.attempt.RedisAttemptCounter;
import dev.satchel.adapters.persistence.cache.ClusterCoherentMetadataCache;
import dev.satchel.adapters.persistence.cache.InMemoryMetadataCache;
import dev.satchel.adapters.persistence.cache.NoMetadataCache;
import dev.satchel.adapters.persistence.cache.RedisMetadataCache;
import dev.satchel.adapters.persistence.cluster.PostgresClusterNotifier;
import dev.satchel.adapters.persistence.event.PostgresEventOutbox;
import dev.satchel.adapters.persistence.event.PostgresEventTickets;
import dev.satchel.adapters.persistence.ratelimit.LocalRateLimiter;
import dev.satchel.adapters.persistence.ratelimit.RedisRateLimiter;
import dev.satchel.adapters.persistence.redis.RedisGuard;
import dev.satchel.adapters.storage.detect.TikaMediaTypeDetector;
import dev.satchel.adapters.storage.crypto.EncryptingBlobStorage;
import dev.satchel.adapters.storage.crypto.KeyRing;
import dev.satchel.adapters.storage.crypto.PostgresDataKeyStore;
import dev.satchel.adapters.storage.local.LocalFileBlobStorage;
import dev.satchel.adapters.storage.local.LocalFileUploadStaging;
import dev.satchel.adapters.storage.s3.S3BlobStorage;
import dev.satchel.adapters.storage.s3.S3UploadStaging;
import dev.satchel.bootstrap.cache.MeteredMetadataCache;
import dev.satchel.bootstrap.config.SatchelConfig;
import dev.satchel.bootstrap.encryption.EncryptionAtRest;
import dev.satchel.bootstrap.metrics.MeteredClusterNotifier;
import dev.satchel.domain.auth.AttemptCounter;
import dev.satchel.domain.cache.MetadataCache;
import dev.satchel.domain.cluster.ClusterNotifier;
import dev.satchel.domain.event.EventTickets;
import dev.satchel.domain.file.MediaTypeDetector;
import dev.satchel.domain.ratelimit.RateLimiter;
import dev.satchel.domain.storage.BlobStorage;
import dev.satchel.domain.upload.UploadStaging;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.RedisDataSource;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Chooses the storage and cache backends from configuration at run time, so one build (and one
 * native binary) serves every backend. An unused backend's client is never created.
 */
public class BackendProducers {
  /** How long Redis is left alone after a failure before it is tried again. */
  private static final Duration REDIS_RETRY_AFTER = Duration.ofSeconds(5);
  /** The PostgreSQL application_name of the listening connection, to find it in pg_stat_activity. */
  public static final String CLUSTER_LISTENER_NAME = "satchel-listener";

  @Produces
  @Singleton
  BlobStorage blobStorage(SatchelConfig config, Instance<S3Client> s3, EncryptionAtRest encryption) {
    BlobStorage plain = plainBlobStorage(config, s3);
    if (encryption.keys().isPresent()) {
      return new EncryptingBlobStorage(plain, encryption.keys().get(), encryption.dataKeys());
    }
    // Encryption turned off after use: keep blobs encrypted earlier from being served as ciphertext.
    // Never used: no per-read lookup, and local blobs keep sendfile.
    return encryption.dataKeys().any() ? new EncryptingBlobStorage(plain, KeyRing.none(), encryption.dataKeys()) : plain;
  }

  @Produces
  @Singleton
  EncryptionAtRest encryptionAtRest(SatchelConfig config, DataSource dataSource) {
    return EncryptionAtRest.from(config.encryption(), new PostgresDataKeyStore(dataSource));
  }

  private static BlobStorage plainBlobStorage(SatchelConfig config, Instance<S3Client> s3) {
    SatchelConfig.Storage storage = config.storage();
    return switch (storage.type()) {
      case LOCAL -> new LocalFileBlobStorage(storage.local().path().toAbsolutePath().normalize());
      case S3 -> {
        S3BlobStorage blobs = new S3BlobStorage(s3.get(), storage.s3().bucket());
        if (storage.s3().createBucket()) {
          blobs.createBucketIfMissing();
        }
        yield blobs;
      }
    };
  }

  /**
   * Where unfinished resumable uploads wait, on the configured storage: local files in
   * {@code <LOCAL_STORAGE_PATH>/.uploads} (beside the shard tree, never a blob key), or S3 multipart
   * uploads under {@code uploads/} in the bucket. Staged bytes are plaintext even with encryption at
   * rest on; they are encrypted when the finished upload is stored as its file.
   */
  @Produces
  @Singleton
  UploadStaging uploadStaging(SatchelConfig config, Instance<S3Client> s3) {
    SatchelConfig.Storage storage = config.storage();
    return switch (storage.type()) {
      case LOCAL -> new LocalFileUploadStaging(storage.local().path().toAbsolutePath().normalize().resolve(".uploads"));
      case S3 -> new S3UploadStaging(s3.get(), storage.s3().bucket());
    };
  }

  /** The outbox; the stream fan-out subscribes to its commits (see EventFanOut). */
  @Produces
  @Singleton
  PostgresEventOutbox eventOutbox(DataSource dataSource, TransactionSynchronizationRegistry transactions) {
    return new PostgresEventOutbox(dataSource, transactions);
  }

  @Produces
  @Singleton
  EventTickets eventTickets(DataSource dataSource) {
    return new PostgresEventTickets(dataSource);
  }

  @Produces
  @Singleton
  MediaTypeDetector mediaTypeDetector() {
    return new TikaMediaTypeDetector();
  }

  @Produces
  @Singleton
  RedisGuard redisGuard(Clock clock, MeterRegistry metrics) {
    return new RedisGuard(clock, REDIS_RETRY_AFTER,
        (operation, cause) -> metrics.counter("satchel.cache.errors", "backend", "redis", "operation", operation).increment());
  }

  /**
   * Messages between replicas over PostgreSQL, which they all share: evictions of the memory cache
   * and the event relay's "new events" wake-ups.
   */
  @Produces
  @Singleton
  ClusterNotifier clusterNotifier(DataSource dataSource, MeterRegistry metrics) {
    Config config = ConfigProvider.getConfig();
    Properties connection = new Properties();
    config.getOptionalValue("quarkus.datasource.username", String.class).ifPresent(u -> connection.setProperty("user", u));
    config.getOptionalValue("quarkus.datasource.password", String.class)
        .ifPresent(p -> connection.setProperty("password", p));
    connection.setProperty("connectTimeout", "3");
    // The listener only polls and probes (SELECT 1 after 5 s of silence): a connection silent for
    // 5 s more is half-open, and while it is, this replica would miss the others' evictions.
    connection.setProperty("socketTimeout", "5");
    var settings = new PostgresClusterNotifier.Settings(
        config.getValue("quarkus.datasource.jdbc.url", String.class), connection, CLUSTER_LISTENER_NAME,
        Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofSeconds(1));
    String replicaId = UUID.randomUUID().toString();
    return new MeteredClusterNotifier(PostgresClusterNotifier.start(dataSource, settings, replicaId), metrics);
  }

  void closeClusterNotifier(@Disposes ClusterNotifier notifier) throws Exception {
    if (notifier instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }

  @Produces
  @Singleton
  MetadataCache metadataCache(SatchelConfig config, Instance<RedisDataSource> redis, ObjectMapper json,
      Instance<RedisGuard> guard, Instance<ClusterNotifier> notifier, MeterRegistry metrics) {
    SatchelConfig.Cache cache = config.cache();
    MetadataCache backend = switch (cache.type()) {
      // Replicas each hold their own copy: evictions are broadcast so none serves a stale one.
      case MEMORY -> new ClusterCoherentMetadataCache(
          new InMemoryMetadataCache(cache.ttl(), cache.maxEntries()), notifier.get());
      case NONE -> new NoMetadataCache();
      case REDIS -> new RedisMetadataCache(redis.get(), json, guard.get(), cache.keyPrefix(), cache.ttl());
    };
    return new MeteredMetadataCache(backend, metrics, cache.type().name().toLowerCase(Locale.ROOT));
  }

  @Produces
  @Singleton
  AttemptCounter attemptCounter(SatchelConfig config, Clock clock, Instance<RedisDataSource> redis,
      Instance<RedisGuard> guard) {
    InMemoryAttemptCounter local = new InMemoryAttemptCounter(clock);
    return config.cache().type() == SatchelConfig.CacheType.REDIS
        ? new RedisAttemptCounter(redis.get(), guard.get(), config.cache().keyPrefix(), local)
        : local;
  }

  @Produces
  @Singleton
  RateLimiter rateLimiter(SatchelConfig config, Clock clock, Instance<RedisDataSource> redis, Instance<RedisGuard> guard,
      @ConfigProperty(name = "quarkus.redis.timeout") Duration redisTimeout) {
    LocalRateLimiter local = new LocalRateLimiter(clock, config.rateLimit().maxLocalBuckets());
    return config.cache().type() == SatchelConfig.CacheType.REDIS
        ? new RedisRateLimiter(redis.get(), guard.get(), config.cache().keyPrefix(), local, redisTimeout,
            config.rateLimit().maxLocalBuckets())
        : local;
  }
}
