package dev.satchel.application.file;

import dev.satchel.domain.event.EventType;
import dev.satchel.domain.testing.SequentialIdGenerator;
import dev.satchel.domain.testing.InMemoryEventOutbox;
import dev.satchel.application.event.EventRecorder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.satchel.domain.error.FileNotFound;
import dev.satchel.domain.error.StorageUnavailable;
import dev.satchel.domain.file.FileId;
import dev.satchel.domain.file.FileMetadata;
import dev.satchel.domain.share.ShareId;
import dev.satchel.domain.share.ShareLink;
import dev.satchel.domain.share.ShareToken;
import dev.satchel.domain.storage.BlobStorage;
import dev.satchel.domain.storage.StorageKey;
import dev.satchel.domain.testing.DirectTransactionBoundary;
import dev.satchel.domain.testing.InMemoryBlobStorage;
import dev.satchel.domain.testing.InMemoryFileMetadataRepository;
import dev.satchel.domain.testing.InMemoryMetadataCache;
import dev.satchel.domain.testing.InMemoryShareLinkRepository;
import dev.satchel.domain.testing.MutableClock;
import dev.satchel.domain.testing.TestFiles;
import dev.satchel.domain.user.UserId;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeleteFileServiceTest {
  private final MutableClock clock = MutableClock.at("2025-06-01T12:00:00Z");
  private final InMemoryEventOutbox outbox = new InMemoryEventOutbox();
  private final EventRecorder events = new EventRecorder(outbox, new SequentialIdGenerator(), clock);
  private final InMemoryShareLinkRepository shares = new InMemoryShareLinkRepository();
  private final InMemoryFileMetadataRepository files = new InMemoryFileMetadataRepository(shares::pointsTo);
  private final InMemoryBlobStorage blobs = new InMemoryBlobStorage(clock);
  private final InMemoryMetadataCache cache = new InMemoryMetadataCache();
  private final UserId owner = TestFiles.newUser();
  private final FileMetadata file = store(owner);

  @Test
  void ownerDeletingAFileTombstonesIt() {
    service(blobs).delete(owner, file.id());

    assertThat(files.findLive(file.id())).isEmpty();
    assertThat(files.isDeleted(file.id())).isTrue();
    assertThat(outbox.all()).singleElement().satisfies(event -> {
      assertThat(event.type()).isEqualTo(EventType.FILE_DELETED);
      assertThat(event.owner()).isEqualTo(owner);
      assertThat(event.data()).containsEntry("file_id", file.id().toString());
    });
  }

  @Test
  void deletingAFileRemovesItsBlob() {
    service(blobs).delete(owner, file.id());

    assertThat(blobs.contains(file.storageKey())).isFalse();
  }

  @Test
  void deletingAFileEvictsItAndItsLinksFromTheCache() {
    ShareLink first = link(file);
    ShareLink second = link(file);
    FileMetadata other = store(owner);
    ShareLink unrelated = link(other);
    cache.putFile(file);
    cache.putFile(other);
    cache.putShare(first);
    cache.putShare(second);
    cache.putShare(unrelated);

    service(blobs).delete(owner, file.id());

    assertThat(cache.file(file.id())).isEmpty();
    assertThat(cache.share(first.tokenHash())).isEmpty();
    assertThat(cache.share(second.tokenHash())).isEmpty();
    assertThat(cache.file(other.id())).contains(other);
    assertThat(cache.share(unrelated.tokenHash())).contains(unrelated);
  }

  @Test
  void anotherUserIsToldTheFileDoesNotExistAndNothingChanges() {
    cache.putFile(file);

    assertThatThrownBy(() -> service(blobs).delete(TestFiles.newUser(), file.id())).isInstanceOf(FileNotFound.class);

    assertThat(files.findLive(file.id())).contains(file);
    assertThat(blobs.contains(file.storageKey())).isTrue();
    assertThat(cache.file(file.id())).contains(file);
  }

  @Test
  void unknownFileIsNotFound() {
    assertThatThrownBy(() -> service(blobs).delete(owner, new FileId(UUID.randomUUID())))
        .isInstanceOf(FileNotFound.class);
  }

  @Test
  void deletingTwiceIsNotFoundTheSecondTime() {
    service(blobs).delete(owner, file.id());

    assertThatThrownBy(() -> service(blobs).delete(owner, file.id())).isInstanceOf(FileNotFound.class);
  }

  @Test
  void blobThatCannotBeRemovedDoesNotFailTheDeletion() {
    InMemoryBlobStorage undeletable = new InMemoryBlobStorage(clock) {
      @Override
      public void delete(StorageKey key) {
        throw new StorageUnavailable("store down", null);
      }
    };
    cache.putFile(file);

    assertThatCode(() -> service(undeletable).delete(owner, file.id())).doesNotThrowAnyException();

    assertThat(files.isDeleted(file.id())).isTrue();
    assertThat(cache.file(file.id())).isEmpty();
  }

  @Test
  void tombstoneIsDatedByTheClock() {
    service(blobs).delete(owner, file.id());

    assertThat(files.purgeTombstonesBefore(clock.instant())).isZero();
    assertThat(files.purgeTombstonesBefore(clock.instant().plusNanos(1))).isEqualTo(1);
  }

  private DeleteFileService service(BlobStorage storage) {
    return new DeleteFileService(files, shares, storage, cache, clock, new DirectTransactionBoundary(), events);
  }

  private FileMetadata store(UserId fileOwner) {
    FileMetadata stored = TestFiles.fileOf(fileOwner).size(3).build();
    files.add(stored);
    blobs.put(stored.storageKey(), new byte[] {1, 2, 3});
    return stored;
  }

  private ShareLink link(FileMetadata target) {
    ShareLink link = new ShareLink(new ShareId(UUID.randomUUID()), target.id(), target.owner(),
        ShareToken.random(new SecureRandom()).hash(), clock.instant(), clock.instant().plus(Duration.ofDays(7)),
        OptionalInt.empty(), 0, Optional.empty(), Optional.empty());
    shares.add(link);
    return link;
  }
}
