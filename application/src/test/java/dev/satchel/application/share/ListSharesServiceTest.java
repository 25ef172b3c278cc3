package dev.satchel.application.share;

import dev.satchel.domain.testing.InMemoryEventOutbox;
import dev.satchel.application.event.EventRecorder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.satchel.application.file.DeleteFileService;
import dev.satchel.application.file.LiveFileLookup;
import dev.satchel.domain.error.FileNotFound;
import dev.satchel.domain.file.FileMetadata;
import dev.satchel.domain.share.ShareLink;
import dev.satchel.domain.testing.DirectTransactionBoundary;
import dev.satchel.domain.testing.FakePasswordHasher;
import dev.satchel.domain.testing.InMemoryBlobStorage;
import dev.satchel.domain.testing.InMemoryFileMetadataRepository;
import dev.satchel.domain.testing.InMemoryMetadataCache;
import dev.satchel.domain.testing.InMemoryShareLinkRepository;
import dev.satchel.domain.testing.MutableClock;
import dev.satchel.domain.testing.SequentialIdGenerator;
import dev.satchel.domain.testing.TestFiles;
import dev.satchel.domain.user.UserId;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ListSharesServiceTest {
  private final MutableClock clock = MutableClock.at("2025-06-01T12:00:00Z");
  private final InMemoryEventOutbox outbox = new InMemoryEventOutbox();
  private final EventRecorder events = new EventRecorder(outbox, new SequentialIdGenerator(), clock);
  private final DirectTransactionBoundary tx = new DirectTransactionBoundary();
  private final InMemoryShareLinkRepository shares = new InMemoryShareLinkRepository();
  private final InMemoryFileMetadataRepository files = new InMemoryFileMetadataRepository(shares::pointsTo);
  private final InMemoryMetadataCache cache = new InMemoryMetadataCache();
  private final LiveFileLookup lookup = new LiveFileLookup(files, cache, tx);
  private final ShareFileService sharing = new ShareFileService(files, shares, new FakePasswordHasher(),
      new SequentialIdGenerator(), new SecureRandom(), clock, tx,
      new SharePolicy(Duration.ofDays(7), Duration.ofDays(30)), events);
  private final ListSharesService service = new ListSharesService(lookup, shares, tx);
  private final UserId owner = TestFiles.newUser();
  private final FileMetadata file = TestFiles.fileOf(owner).build();

  @Test
  void listsTheFilesLinksNewestFirst() {
    files.add(file);
    ShareLink older = share();
    clock.advance(Duration.ofMinutes(1));
    ShareLink newer = share();

    assertThat(service.list(owner, file.id())).containsExactly(newer, older);
  }

  @Test
  void anotherUsersFileIsNotFound() {
    files.add(file);
    share();

    assertThatThrownBy(() -> service.list(TestFiles.newUser(), file.id())).isInstanceOf(FileNotFound.class);
  }

  @Test
  void deletedFileIsNotFound() {
    files.add(file);
    share();
    new DeleteFileService(files, shares, new InMemoryBlobStorage(clock), cache, clock, tx, events).delete(owner, file.id());

    assertThatThrownBy(() -> service.list(owner, file.id())).isInstanceOf(FileNotFound.class);
  }

  private ShareLink share() {
    return sharing.share(new ShareFileCommand(owner, file.id(), OptionalLong.empty(), OptionalInt.empty(),
        Optional.empty())).link();
  }
}
