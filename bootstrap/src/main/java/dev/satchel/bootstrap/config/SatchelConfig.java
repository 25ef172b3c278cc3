package dev.satchel.bootstrap.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Satchel's own settings ({@code satchel.*}); the environment names of the contract feed them. */
@ConfigMapping(prefix = "satchel")
public interface SatchelConfig {

  Storage storage();

  Cache cache();

  Upload upload();

  Share share();

  Jwt jwt();

  Password password();

  Login login();

  Jobs jobs();

  Cors cors();
  RateLimit rateLimit();

  Encryption encryption();

  Events events();

  Webhooks webhooks();

  /** Externally visible base URL, used to build share links. */
  String publicBaseUrl();

  /** Where file bytes go. */
  interface Storage {
    /** {@code local} or {@code s3}, chosen at run time. */
    StorageType type();

    Local local();

    S3 s3();

    /** Local-disk storage. */
    interface Local {
      Path path();

      /**
       * Free space below which the storage wellness check turns DOWN (uploads still run until the
       * disk is really full, then answer 507). The default leaves room for one maximal upload.
       */
      @WithDefault("1G")
      MemorySize minFreeSpace();
    }

    /** S3 or S3-compatible storage. */
    interface S3 {
      String bucket();

      /** Create the bucket at start when it is missing (for MinIO and tests). */
      @WithDefault("false")
      boolean createBucket();
    }
  }

  /** The metadata cache. */
  interface Cache {
    /** {@code redis}, {@code memory} or {@code none}. */
    CacheType type();

    Duration ttl();

    @WithDefault("100000")
    long maxEntries();

    /** Prefix of every Redis key, versioned so a format change never reads old entries. */
    @WithDefault("satchel:v1:")
    String keyPrefix();
  }

  /** Upload limits. */
  interface Upload {
    MemorySize maxSize();

    /** Per-user quota of stored bytes; unlimited when absent. */
    Optional<MemorySize> quota();

    /** An upload during which no byte arrives for this long ends with 408. */
    @WithDefault("30S")
    Duration readTimeout();

    /** Slowest average upload rate, in bytes per second over {@link #rateWindow()}; 0 disables. */
    @WithDefault("1K")
    MemorySize minRate();

    /** How much time waiting for the client the minimum rate is averaged over. */
    @WithDefault("30S")
    Duration rateWindow();

    /** Uploads one user may run at once; beyond, 429. */
    @WithDefault("8")
    int maxConcurrentPerUser();

    /** Uploads the instance runs at once; beyond, 503. Bounds the memory and files held by uploads. */
    @WithDefault("100")
    int maxConcurrent();

    /** How long an unfinished resumable (tus) upload lives after its creation ({@code SATCHEL_UPLOAD_EXPIRY}). */
    @WithDefault("P1D")
    Duration expiry();

    /**
     * How long a writer's lease on a resumable upload runs without renewal
     * ({@code SATCHEL_UPLOAD_LEASE}); each replica renews all of its leases every third of it, so
     * an upload whose replica crashed can be resumed elsewhere this long after the crash.
     */
    @WithDefault("6S")
    Duration lease();
  }

  /** Share-link policy. */
  interface Share {
    Duration defaultTtl();

    Duration maxTtl();

    /** How long dead links keep answering 410 before they are purged (then 404). */
    @WithDefault("P30D")
    Duration purgeGrace();
  }

  /** Access-token settings. */
  interface Jwt {
    /** HS256 signing secret, at least 32 bytes; generated for single-node local setups when absent. */
    Optional<String> secret();

    /** Where a generated secret is kept; defaults to beside the local blob directory. */
    Optional<Path> generatedSecretFile();

    @WithDefault("satchel")
    String issuer();

    @WithDefault("satchel-api")
    String audience();

    @WithDefault("PT1H")
    Duration lifetime();
  }

  /** Argon2id cost; defaults are OWASP's minimum recommendation (19 MiB, 2 passes, 1 lane). */
  interface Password {
    @WithDefault("19456")
    int memoryKib();

    @WithDefault("2")
    int iterations();

    @WithDefault("1")
    int parallelism();
  }

  /** Login throttling. */
  interface Login {
    /** Failures allowed per account and client network before delays start. */
    @WithDefault("5")
    int freeAttempts();

    /** Failures allowed per account from all networks together before delays start. */
    @WithDefault("50")
    int accountFreeAttempts();

    @WithDefault("PT1S")
    Duration baseDelay();

    @WithDefault("PT15M")
    Duration maxDelay();

    @WithDefault("PT30M")
    Duration window();
  }

  /** Background maintenance. */
  interface Jobs {
    @WithDefault("true")
    boolean enabled();

    @WithDefault("15m")
    String purgeInterval();

    @WithDefault("1h")
    String sweepInterval();

    /** How often expired resumable uploads and their staged bytes are removed. */
    @WithDefault("10m")
    String expireUploadsInterval();

    /** Blobs younger than this are never swept: an upload may still be writing its row. */
    @WithDefault("PT6H")
    Duration sweepSafetyWindow();

    /**
     * How often each replica stores its in-memory download counts of unlimited links: the lag of
     * {@code download_count}, and what a crash may lose ({@code SATCHEL_JOBS_DOWNLOAD_FLUSH_INTERVAL}).
     */
    @WithDefault("1s")
    String downloadFlushInterval();

    /** How many distinct links may have unstored counts (a database outage); further ones are dropped. */
    @WithDefault("100000")
    int downloadTallyMaxLinks();
  }

  /** Browser clients on other origins; applied to Quarkus's CORS filter by CorsConfigSourceFactory. */
  interface Cors {
    /** Allowed origins, comma-separated ({@code SATCHEL_CORS_ORIGINS}); none when absent. */
    Optional<String> origins();
  }

  /**
   * API-wide rate limits, each {@code <requests>/<period>} or {@code off} (see RateLimitPolicy);
   * a malformed value stops the start.
   */
  interface RateLimit {
    @WithDefault("1200/1m")
    String authenticated();

    @WithDefault("300/1m")
    String anonymous();

    @WithDefault("120/1m")
    String upload();

    @WithDefault("30/1h")
    String register();

    /** Buckets one replica keeps in memory (its own limits, or all of them while Redis is down). */
    @WithDefault("100000")
    long maxLocalBuckets();
  }

  /**
   * Encryption at rest: on when {@code SATCHEL_ENCRYPTION_KEYS} ({@code id:base64-of-32-bytes},
   * comma-separated) and {@code SATCHEL_ENCRYPTION_ACTIVE_KEY} are set.
   */
  interface Encryption {
    Optional<String> keys();

    Optional<String> activeKey();

    /** How often data keys wrapped by a non-active key are re-wrapped onto the active one. */
    @WithDefault("1h")
    String rewrapInterval();
  }

  /** The event outbox and its streams (API.md, "Events"). */
  interface Events {
    /** How long events stay for Last-Event-ID replay and webhooks ({@code SATCHEL_EVENTS_RETENTION}). */
    @WithDefault("P1D")
    Duration retention();

    /** Comment line interval on idle SSE streams (API.md: at most 15 s apart). */
    @WithDefault("PT10S")
    Duration heartbeat();

    /** Events one consumer may have unwritten before it is disconnected as too slow. */
    @WithDefault("256")
    int buffer();

    /** How often each replica reads the outbox even without a notification (lost-notification net). */
    @WithDefault("PT1S")
    Duration pollInterval();

    /** How long a Last-Event-ID replay waits for a consumer to take the next event before dropping it. */
    @WithDefault("PT10S")
    Duration replayPatience();
  }

  /** Outbound webhook deliveries ({@code SATCHEL_WEBHOOKS_*}). */
  interface Webhooks {
    /**
     * Lets webhooks reach loopback, private and link-local addresses (a receiver on the operator's
     * own network, tests); cloud metadata names stay refused.
     */
    @WithDefault("false")
    boolean allowPrivate();

    /** Wait before the first retry; each further one doubles it, up to {@link #maxRetryDelay()}. */
    @WithDefault("PT5S")
    Duration firstRetry();

    @WithDefault("PT1H")
    Duration maxRetryDelay();

    /** How long after the first attempt failed deliveries are still retried; then they are given up. */
    @WithDefault("P1D")
    Duration retryFor();

    /** Bound of one delivery (connect, send, status): slower receivers count as failed. */
    @WithDefault("PT10S")
    Duration timeout();

    /** Whether this replica delivers (every replica may: the queue is shared safely). */
    @WithDefault("true")
    boolean deliveryEnabled();

    /** How often each replica looks for other replicas' new events and for retries come due. */
    @WithDefault("PT1S")
    Duration pollInterval();

    /** How long finished deliveries stay in the delivery log ({@code SATCHEL_WEBHOOKS_LOG_RETENTION}). */
    @WithDefault("P7D")
    Duration logRetention();

    /** Deliveries one replica makes in parallel (each holds a database connection while it runs). */
    @WithDefault("4")
    int workers();
  }

  /** Storage backends. */
  enum StorageType { LOCAL, S3 }

  /** Cache backends. */
  enum CacheType { REDIS, MEMORY, NONE }
}
