package dev.satchel.bootstrap.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.satchel.adapters.persistence.cache.ClusterCoherentMetadataCache;
import dev.satchel.adapters.persistence.cache.InMemoryMetadataCache;
import dev.satchel.domain.file.FileId;
import dev.satchel.domain.file.FileMetadata;
import dev.satchel.domain.file.FileName;
import dev.satchel.domain.file.MediaType;
import dev.satchel.domain.file.Sha256Checksum;
import dev.satchel.domain.share.ShareId;
import dev.satchel.domain.share.ShareLink;
import dev.satchel.domain.share.ShareTokenHash;
import dev.satchel.domain.storage.StorageKey;
import dev.satchel.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Two replicas' memory caches joined by a loopback hub: evictions, gaps and stale fills. */
class ClusterCoherentMetadataCacheTest {
  private final LoopbackClusterHub hub = new LoopbackClusterHub();
  private final LoopbackClusterHub.Replica busA = hub.replica();
  private final LoopbackClusterHub.Replica busB = hub.replica();
  private final ClusterCoherentMetadataCache a = cache(busA);
  private final ClusterCoherentMetadataCache b = cache(busB);
  private final FileMetadata file = file();
  private final ShareLink link = share(file.id());

  private static ClusterCoherentMetadataCache cache(LoopbackClusterHub.Replica bus) {
    return new ClusterCoherentMetadataCache(new InMemoryMetadataCache(Duration.ofMinutes(5), 1000), bus);
  }

  @Test
  void fileEvictedOnOneReplicaIsGoneOnTheOther() {
    connectBoth();
    fill(a);
    fill(b);

    a.evictFile(file.id());

    assertThat(b.file(file.id())).isEmpty();
    assertThat(a.file(file.id())).isEmpty();
    assertThat(b.share(link.tokenHash())).contains(link);
  }

  @Test
  void shareEvictedOnOneReplicaIsGoneOnTheOther() {
    connectBoth();
    fill(a);
    fill(b);

    b.evictShare(link.tokenHash());

    assertThat(a.share(link.tokenHash())).isEmpty();
    assertThat(a.file(file.id())).contains(file);
  }

  @Test
  void beforeItListensNothingIsServedOrKept() {
    fill(a);

    assertThat(a.isCoherent()).isFalse();
    assertThat(a.file(file.id())).isEmpty();
    busA.connect();
    assertThat(a.file(file.id())).isEmpty();
  }

  @Test
  void whileDisconnectedTheCacheIsBypassedAndAfterReconnectingItStartsEmpty() {
    connectBoth();
    fill(b);
    busB.disconnect();

    assertThat(b.file(file.id())).isEmpty();
    fill(b);
    a.evictFile(file.id()); // lost: b is not listening
    busB.connect();

    assertThat(b.file(file.id())).isEmpty();
    assertThat(b.share(link.tokenHash())).isEmpty();
    fill(b);
    assertThat(b.file(file.id())).contains(file);
  }

  /** The in-memory reads of the event-loop paths follow the same evictions and the same gaps. */
  @Test
  void inMemoryReadsSeeEvictionsAndNothingWhileDisconnected() {
    connectBoth();
    fill(a);
    fill(b);
    assertThat(b.fileInMemory(file.id())).contains(file);
    assertThat(b.shareInMemory(link.tokenHash())).contains(link);

    a.evictFile(file.id());
    assertThat(b.fileInMemory(file.id())).isEmpty();
    busB.disconnect();

    assertThat(b.shareInMemory(link.tokenHash())).isEmpty();
  }

  @Test
  void anInMemoryMissIsNoMissAPutMayFollow() {
    connectBoth();
    assertThat(b.fileInMemory(file.id())).isEmpty();
    b.putFile(file); // no read-through miss of this key on this thread: not kept

    assertThat(b.file(file.id())).isEmpty();
  }

  @Test
  void rowReadBeforeAnotherReplicasEvictionIsNotKept() {
    connectBoth();
    assertThat(b.file(file.id())).isEmpty(); // miss: b now reads the row from the database
    a.evictFile(file.id()); // meanwhile a deletes the file and broadcasts
    b.putFile(file); // b's read is older than the deletion

    assertThat(b.file(file.id())).isEmpty();
  }

  @Test
  void putWithoutAPrecedingMissOfThatKeyIsNotKept() {
    connectBoth();
    b.putFile(file);
    assertThat(b.file(file.id())).isEmpty();

    assertThat(b.share(link.tokenHash())).isEmpty(); // a miss of another key
    b.putFile(file);
    assertThat(b.file(file.id())).isEmpty();
  }

  static Stream<String> hostileMessages() {
    return Stream.of("", "file:", "file:not-a-uuid", "share:", "share:ABC", "share:../../x", "delete everything",
        "file:00000000-0000-0000-0000-000000000000\u0000", "\uD800", "file:" + "9".repeat(3000), "FILE:x", null);
  }

  @ParameterizedTest
  @MethodSource("hostileMessages")
  void hostileMessagesChangeNothingButAreSurvived(String message) {
    connectBoth();
    fill(b);

    busB.receive(ClusterCoherentMetadataCache.TOPIC, message);

    assertThat(b.file(file.id())).contains(file);
    assertThat(b.share(link.tokenHash())).contains(link);
  }

  private void connectBoth() {
    busA.connect();
    busB.connect();
  }

  private void fill(ClusterCoherentMetadataCache cache) {
    if (cache.file(file.id()).isEmpty()) {
      cache.putFile(file);
    }
    if (cache.share(link.tokenHash()).isEmpty()) {
      cache.putShare(link);
    }
  }

  private static FileMetadata file() {
    return new FileMetadata(new FileId(UUID.randomUUID()), new UserId(UUID.randomUUID()), new FileName("a.txt"), 3,
        new MediaType("text/plain"), new Sha256Checksum("b".repeat(64)), StorageKey.forBlob(UUID.randomUUID()),
        Instant.parse("2026-01-01T00:00:00Z"));
  }

  private static ShareLink share(FileId fileId) {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    byte[] hash = new byte[32];
    new java.security.SecureRandom().nextBytes(hash);
    return new ShareLink(new ShareId(UUID.randomUUID()), fileId, new UserId(UUID.randomUUID()),
        new ShareTokenHash(HexFormat.of().formatHex(hash)), now, now.plusSeconds(60), OptionalInt.empty(), 0,
        Optional.empty(), Optional.empty());
  }
}
