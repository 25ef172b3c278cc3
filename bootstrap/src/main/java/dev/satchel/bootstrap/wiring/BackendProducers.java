package dev.satchel.bootstrap.wiring;

import dev.satchel.adapters.persistence.attempt.InMemoryAttemptCounter;
import dev.satchel.adapters.persistence.cache.InMemoryMetadataCache;
import dev.satchel.adapters.persistence.cache.NoMetadataCache;
import dev.satchel.adapters.storage.detect.TikaMediaTypeDetector;
import dev.satchel.adapters.storage.local.LocalFileBlobStorage;
import dev.satchel.adapters.storage.s3.S3BlobStorage;
import dev.satchel.bootstrap.config.SatchelConfig;
import dev.satchel.domain.auth.AttemptCounter;
import dev.satchel.domain.cache.MetadataCache;
import dev.satchel.domain.file.MediaTypeDetector;
import dev.satchel.domain.storage.BlobStorage;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Chooses the storage and cache backends from configuration at run time, so one build (and one
 * native binary) serves every backend. An unused backend's client is never created.
 */
public class BackendProducers {

  @Produces
  @Singleton
  BlobStorage blobStorage(SatchelConfig config, Instance<S3Client> s3) {
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

  @Produces
  @Singleton
  MediaTypeDetector mediaTypeDetector() {
    return new TikaMediaTypeDetector();
  }

  @Produces
  @Singleton
  MetadataCache metadataCache(SatchelConfig config) {
    SatchelConfig.Cache cache = config.cache();
    return switch (cache.type()) {
      case MEMORY -> new InMemoryMetadataCache(cache.ttl(), cache.maxEntries());
      case NONE -> new NoMetadataCache();
      case REDIS -> throw new IllegalStateException("CACHE_TYPE=redis is not available yet");
    };
  }

  @Produces
  @Singleton
  AttemptCounter attemptCounter(Clock clock) {
    return new InMemoryAttemptCounter(clock);
  }
}
