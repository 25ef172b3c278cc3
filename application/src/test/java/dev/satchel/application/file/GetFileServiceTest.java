package dev.satchel.application.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.satchel.domain.error.FileNotFound;
import dev.satchel.domain.file.FileId;
import dev.satchel.domain.file.FileMetadata;
import dev.satchel.domain.testing.DirectTransactionBoundary;
import dev.satchel.domain.testing.InMemoryFileMetadataRepository;
import dev.satchel.domain.testing.InMemoryMetadataCache;
import dev.satchel.domain.testing.TestFiles;
import dev.satchel.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GetFileServiceTest {
  private final AtomicInteger repositoryReads = new AtomicInteger();
  private final InMemoryFileMetadataRepository files = new InMemoryFileMetadataRepository() {
    @Override
    public synchronized Optional<FileMetadata> findLive(FileId id) {
      repositoryReads.incrementAndGet();
      return super.findLive(id);
    }
  };
  private final InMemoryMetadataCache cache = new InMemoryMetadataCache();
  private final GetFileService service =
      new GetFileService(new LiveFileLookup(files, cache, new DirectTransactionBoundary()));
  private final UserId owner = TestFiles.newUser();
  private final FileMetadata file = TestFiles.fileOf(owner).named("report.pdf").build();

  @Test
  void ownerGetsTheFile() {
    files.add(file);

    assertThat(service.get(owner, file.id())).isEqualTo(file);
  }

  @Test
  void anotherUserIsToldTheFileDoesNotExist() {
    files.add(file);

    assertThatThrownBy(() -> service.get(TestFiles.newUser(), file.id())).isInstanceOf(FileNotFound.class);
  }

  @Test
  void anotherUserIsRefusedEvenWhenTheFileIsCached() {
    files.add(file);
    service.get(owner, file.id());

    assertThatThrownBy(() -> service.get(TestFiles.newUser(), file.id())).isInstanceOf(FileNotFound.class);
  }

  @Test
  void withoutWaitingOnlyTheOwnersFileHeldInMemoryIsFoundAndNothingIsReadThrough() {
    files.add(file);
    assertThat(service.getWithoutWaiting(owner, file.id())).isEmpty();
    assertThat(repositoryReads).hasValue(0);

    service.get(owner, file.id());

    assertThat(service.getWithoutWaiting(owner, file.id())).contains(file);
    assertThat(service.getWithoutWaiting(TestFiles.newUser(), file.id())).isEmpty();
    assertThat(repositoryReads).hasValue(1);
  }

  @Test
  void unknownFileIsNotFound() {
    assertThatThrownBy(() -> service.get(owner, new FileId(UUID.randomUUID()))).isInstanceOf(FileNotFound.class);
  }

  @Test
  void deletedFileIsNotFound() {
    files.add(file);
    files.markDeleted(file.id(), owner, Instant.parse("2025-06-01T12:00:00Z"));

    assertThatThrownBy(() -> service.get(owner, file.id())).isInstanceOf(FileNotFound.class);
  }

  @Test
  void secondGetIsServedFromTheCache() {
    files.add(file);

    service.get(owner, file.id());
    FileMetadata again = service.get(owner, file.id());

    assertThat(again).isEqualTo(file);
    assertThat(repositoryReads).hasValue(1);
    assertThat(cache.file(file.id())).contains(file);
  }

  @Test
  void missingFileIsNotRememberedAsMissing() {
    assertThatThrownBy(() -> service.get(owner, file.id())).isInstanceOf(FileNotFound.class);
    files.add(file);

    assertThat(service.get(owner, file.id())).isEqualTo(file);
  }
}
