package dev.satchel.bootstrap.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.satchel.domain.cache.MetadataCache;
import dev.satchel.domain.file.FileId;
import dev.satchel.domain.file.FileMetadata;
import dev.satchel.domain.file.FileName;
import dev.satchel.domain.file.MediaType;
import dev.satchel.domain.file.Sha256Checksum;
import dev.satchel.domain.share.ShareId;
import dev.satchel.domain.share.ShareLink;
import dev.satchel.domain.share.ShareTokenHash;
import dev.satchel.domain.storage.StorageKey;
import dev.satchel.domain.user.PasswordHash;
import dev.satchel.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** What every {@link MetadataCache} adapter must do; subclasses bind it to one backend. */
abstract class MetadataCacheContractTest {
  private static final Duration LONG_TTL = Duration.ofMinutes(5);

  /** A cache of the backend under test; caches with different prefixes must not see each other. */
  abstract MetadataCache cache(String keyPrefix, Duration ttl);

  static FileMetadata file() {
    return new FileMetadata(new FileId(UUID.randomUUID()), new UserId(UUID.randomUUID()), new FileName("Résumé.pdf"),
        1234, new MediaType("application/pdf"), new Sha256Checksum("a".repeat(64)),
        StorageKey.forBlob(UUID.randomUUID()), Instant.now().truncatedTo(ChronoUnit.MICROS));
  }

  static ShareLink share() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    return new ShareLink(new ShareId(UUID.randomUUID()), new FileId(UUID.randomUUID()), new UserId(UUID.randomUUID()),
        new ShareTokenHash(UUID.randomUUID().toString().replace("-", "").repeat(2)), now, now.plusSeconds(60),
        OptionalInt.of(3), 1, Optional.of(new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA")),
        Optional.empty());
  }

  static String prefix() {
    return "contract-" + UUID.randomUUID() + ":";
  }

  @Test
  void storedFileComesBackEqual() {
    MetadataCache cache = cache(prefix(), LONG_TTL);
    FileMetadata file = file();
    assertThat(cache.file(file.id())).isEmpty();
    cache.putFile(file);
    assertThat(cache.file(file.id())).contains(file);
  }

  @Test
  void storedShareComesBackEqual() {
    MetadataCache cache = cache(prefix(), LONG_TTL);
    ShareLink link = share();
    assertThat(cache.share(link.tokenHash())).isEmpty();
    cache.putShare(link);
    assertThat(cache.share(link.tokenHash())).contains(link);
  }

  @Test
  void evictionForgetsTheEntry() {
    MetadataCache cache = cache(prefix(), LONG_TTL);
    FileMetadata file = file();
    ShareLink link = share();
    cache.putFile(file);
    cache.putShare(link);
    cache.evictFile(file.id());
    cache.evictShare(link.tokenHash());
    assertThat(cache.file(file.id())).isEmpty();
    assertThat(cache.share(link.tokenHash())).isEmpty();
    cache.evictFile(file.id()); // evicting what is not there is fine
  }

  @Test
  void entriesExpireAfterTheirTtl() {
    MetadataCache cache = cache(prefix(), Duration.ofMillis(300));
    FileMetadata file = file();
    cache.putFile(file);
    Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
        .until(() -> cache.file(file.id()).isEmpty());
  }

  @Test
  void cachesWithDifferentPrefixesAreIsolated() {
    MetadataCache one = cache(prefix(), LONG_TTL);
    MetadataCache other = cache(prefix(), LONG_TTL);
    FileMetadata file = file();
    one.putFile(file);
    assertThat(other.file(file.id())).isEmpty();
    other.evictFile(file.id());
    assertThat(one.file(file.id())).contains(file);
  }
}
