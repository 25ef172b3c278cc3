package dev.satchel.application.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.satchel.domain.file.FileMetadata;
import dev.satchel.domain.file.FilePage;
import dev.satchel.domain.file.FileQuery;
import dev.satchel.domain.file.PageCursor;
import dev.satchel.domain.file.SortField;
import dev.satchel.domain.file.SortOrder;
import dev.satchel.domain.testing.DirectTransactionBoundary;
import dev.satchel.domain.testing.InMemoryFileMetadataRepository;
import dev.satchel.domain.testing.TestFiles;
import dev.satchel.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SearchFilesServiceTest {
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

  private final InMemoryFileMetadataRepository files = new InMemoryFileMetadataRepository();
  private final SearchFilesService service = new SearchFilesService(files, new DirectTransactionBoundary());
  private final UserId owner = TestFiles.newUser();

  @Test
  void fewerFilesThanTheLimitMakeTheLastPage() {
    List<FileMetadata> stored = storeFiles(3);

    FilePage page = service.search(FileQuery.newestFirst(owner, 10, Optional.empty()));

    assertThat(page.items()).containsExactlyElementsOf(newestFirst(stored));
    assertThat(page.next()).isEmpty();
  }

  @Test
  void exactlyLimitFilesMakeTheLastPage() {
    storeFiles(10);

    FilePage page = service.search(FileQuery.newestFirst(owner, 10, Optional.empty()));

    assertThat(page.items()).hasSize(10);
    assertThat(page.next()).isEmpty();
  }

  @Test
  void oneFileMoreThanTheLimitGivesACursorAfterTheLastItem() {
    storeFiles(11);

    FilePage page = service.search(FileQuery.newestFirst(owner, 10, Optional.empty()));

    assertThat(page.items()).hasSize(10);
    assertThat(page.next()).contains(PageCursor.after(page.items().get(9), SortField.UPLOAD_DATE, SortOrder.DESC));
  }

  @Test
  void pagingThroughTwentyFiveFilesReturnsEachOnceInOrder() {
    List<FileMetadata> stored = storeFiles(25);
    files.add(TestFiles.fileOf(TestFiles.newUser()).uploadedAt(T0).build()); // someone else's
    List<FileMetadata> seen = new ArrayList<>();
    List<Integer> pageSizes = new ArrayList<>();
    Optional<PageCursor> cursor = Optional.empty();
    do {
      FilePage page = service.search(FileQuery.newestFirst(owner, 10, cursor));
      seen.addAll(page.items());
      pageSizes.add(page.items().size());
      // The client gets the cursor as text and sends it back.
      cursor = page.next().map(next -> PageCursor.decode(next.encode()));
    } while (cursor.isPresent() && pageSizes.size() < 10);

    assertThat(pageSizes).containsExactly(10, 10, 5);
    assertThat(seen).doesNotHaveDuplicates().containsExactlyElementsOf(newestFirst(stored));
  }

  @Test
  void pagingByNameWithAFilterVisitsOnlyMatchingFiles() {
    List<FileMetadata> reports = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      reports.add(store(TestFiles.fileOf(owner).named("report-" + (char) ('a' + i) + ".pdf").uploadedAt(T0)));
      store(TestFiles.fileOf(owner).named("notes-" + i + ".txt").uploadedAt(T0));
    }
    List<FileMetadata> seen = new ArrayList<>();
    Optional<PageCursor> cursor = Optional.empty();
    int pages = 0;
    do {
      FilePage page = service.search(new FileQuery(owner, Optional.of("REPORT"), Optional.empty(), Optional.empty(),
          Optional.empty(), Optional.empty(), Optional.empty(), SortField.NAME, SortOrder.ASC, 5, cursor));
      seen.addAll(page.items());
      cursor = page.next();
      pages++;
    } while (cursor.isPresent() && pages < 10);

    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactlyElementsOf(reports);
  }

  private List<FileMetadata> storeFiles(int count) {
    List<FileMetadata> stored = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      stored.add(store(TestFiles.fileOf(owner).named("file-" + i + ".txt").uploadedAt(T0.plus(Duration.ofMinutes(i)))));
    }
    return stored;
  }

  private FileMetadata store(TestFiles builder) {
    FileMetadata file = builder.build();
    files.add(file);
    return file;
  }

  private static List<FileMetadata> newestFirst(List<FileMetadata> stored) {
    return stored.stream().sorted(Comparator.comparing(FileMetadata::uploadedAt).reversed()).toList();
  }
}
