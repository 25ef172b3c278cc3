package dev.satchel.domain.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.satchel.domain.storage.StorageKey;
import dev.satchel.domain.testing.TestFiles;
import dev.satchel.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The behaviour every {@link FileMetadataRepository} must show, above all the search: filters,
 * orders with the id as tie-break, and keyset cursors. One subclass per adapter. Names use plain
 * letters so that the expected order holds under any database collation.
 */
public abstract class FileMetadataRepositoryContractTest {
  protected static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

  private FileMetadataRepository repository;
  private UserId owner;

  /** A fresh repository with no files. */
  protected abstract FileMetadataRepository newRepository();

  /** An owner that files may point to; adapters with foreign keys create the account here. */
  protected UserId newOwner() {
    return TestFiles.newUser();
  }

  @BeforeEach
  void setUpRepository() {
    repository = newRepository();
    owner = newOwner();
  }

  @Test
  void addedFileIsFoundLiveWithEveryField() {
    FileMetadata file = add(TestFiles.fileOf(owner).named("a.pdf").size(42).type("application/pdf"));

    assertThat(repository.findLive(file.id())).contains(file);
    assertThat(repository.findLiveLocked(file.id())).contains(file);
    assertThat(repository.isDeleted(file.id())).isFalse();
  }

  @Test
  void unknownFileIsNeitherLiveNorDeleted() {
    FileId unknown = TestFiles.fileOf(owner).build().id();

    assertThat(repository.findLive(unknown)).isEmpty();
    assertThat(repository.isDeleted(unknown)).isFalse();
  }

  @Test
  void ownerDeletingAFileLeavesATombstone() {
    FileMetadata file = add(TestFiles.fileOf(owner));

    assertThat(repository.markDeleted(file.id(), owner, T0)).isTrue();
    assertThat(repository.findLive(file.id())).isEmpty();
    assertThat(repository.findLiveLocked(file.id())).isEmpty();
    assertThat(repository.isDeleted(file.id())).isTrue();
  }

  @Test
  void otherUserCannotDeleteAFile() {
    FileMetadata file = add(TestFiles.fileOf(owner));

    assertThat(repository.markDeleted(file.id(), newOwner(), T0)).isFalse();
    assertThat(repository.findLive(file.id())).contains(file);
  }

  @Test
  void deletingTwiceReportsTheSecondAsNothingDeleted() {
    FileMetadata file = add(TestFiles.fileOf(owner));
    repository.markDeleted(file.id(), owner, T0);

    assertThat(repository.markDeleted(file.id(), owner, T0.plusSeconds(1))).isFalse();
  }

  @Test
  void storedBytesCountsOnlyTheOwnersLiveFiles() {
    add(TestFiles.fileOf(owner).size(100));
    FileMetadata deleted = add(TestFiles.fileOf(owner).size(1000));
    add(TestFiles.fileOf(owner).size(23));
    add(TestFiles.fileOf(newOwner()).size(5000));
    repository.markDeleted(deleted.id(), owner, T0);

    assertThat(repository.storedBytes(owner)).isEqualTo(123);
    assertThat(repository.storedBytes(newOwner())).isZero();
    assertThat(repository.storedBytesLockingOwner(owner)).isEqualTo(123);
    assertThat(repository.storedBytesLockingOwner(newOwner())).isZero();
  }

  @Test
  void blobIsReferencedOnlyWhileItsFileIsLive() {
    FileMetadata file = add(TestFiles.fileOf(owner));

    assertThat(repository.referencedBlobs(List.of(file.storageKey()))).containsExactly(file.storageKey());
    repository.markDeleted(file.id(), owner, T0);
    assertThat(repository.referencedBlobs(List.of(file.storageKey()))).isEmpty();
  }

  @Test
  void referencedBlobsPicksTheLiveFilesKeysOutOfABatch() {
    FileMetadata mine = add(TestFiles.fileOf(owner));
    FileMetadata theirs = add(TestFiles.fileOf(newOwner()));
    FileMetadata deleted = add(TestFiles.fileOf(owner));
    repository.markDeleted(deleted.id(), owner, T0);
    List<StorageKey> batch = new ArrayList<>();
    IntStream.range(0, 600).forEach(i -> batch.add(StorageKey.forBlob(UUID.randomUUID())));
    batch.add(mine.storageKey());
    batch.add(theirs.storageKey());
    batch.add(deleted.storageKey());
    batch.add(mine.storageKey()); // duplicates are harmless

    assertThat(repository.referencedBlobs(batch)).containsExactlyInAnyOrder(mine.storageKey(), theirs.storageKey());
    assertThat(repository.referencedBlobs(List.of())).isEmpty();
  }

  @Test
  void searchListsOnlyTheOwnersLiveFiles() {
    FileMetadata mine = add(TestFiles.fileOf(owner).named("mine.txt"));
    FileMetadata deleted = add(TestFiles.fileOf(owner).named("deleted.txt"));
    add(TestFiles.fileOf(newOwner()).named("theirs.txt"));
    repository.markDeleted(deleted.id(), owner, T0);

    assertThat(search(query())).containsExactly(mine);
  }

  @Test
  void nameFilterIsACaseInsensitiveSubstring() {
    FileMetadata annual = add(TestFiles.fileOf(owner).named("Annual REPORT.pdf"));
    FileMetadata draft = add(TestFiles.fileOf(owner).named("report-draft.txt"));
    add(TestFiles.fileOf(owner).named("notes.txt"));

    assertThat(search(query().name("RePoRt"))).containsExactlyInAnyOrder(annual, draft);
  }

  @Test
  void nameFilterTakesLikeWildcardsLiterally() {
    FileMetadata percent = add(TestFiles.fileOf(owner).named("50%_off.txt"));
    add(TestFiles.fileOf(owner).named("500 offers.txt"));
    FileMetadata underscore = add(TestFiles.fileOf(owner).named("5000_off.txt"));
    add(TestFiles.fileOf(owner).named("backslash.txt"));

    assertThat(search(query().name("0%_"))).containsExactly(percent);
    assertThat(search(query().name("_"))).containsExactlyInAnyOrder(percent, underscore);
    assertThat(search(query().name("\\"))).isEmpty();
  }

  @Test
  void extensionFilterMatchesTheLowerCasedExtensionOnly() {
    FileMetadata upper = add(TestFiles.fileOf(owner).named("scan.PDF"));
    FileMetadata lower = add(TestFiles.fileOf(owner).named("paper.pdf"));
    add(TestFiles.fileOf(owner).named("pdf.txt"));
    add(TestFiles.fileOf(owner).named("slides.pdfx"));

    assertThat(search(query().type(new TypeFilter.Extension("pdf")))).containsExactlyInAnyOrder(upper, lower);
  }

  @Test
  void exactTypeFilterMatchesOneMediaType() {
    FileMetadata pdf = add(TestFiles.fileOf(owner).type("application/pdf"));
    add(TestFiles.fileOf(owner).type("application/json"));
    add(TestFiles.fileOf(owner).type("text/plain"));

    assertThat(search(query().type(new TypeFilter.Exact(new MediaType("application/pdf"))))).containsExactly(pdf);
  }

  @Test
  void familyFilterMatchesEverySubtypeOfThatFamilyOnly() {
    FileMetadata png = add(TestFiles.fileOf(owner).type("image/png"));
    FileMetadata svg = add(TestFiles.fileOf(owner).type("image/svg+xml"));
    add(TestFiles.fileOf(owner).type("application/pdf"));
    add(TestFiles.fileOf(owner).type("imagery/x-test"));

    assertThat(search(query().type(new TypeFilter.Family("image")))).containsExactlyInAnyOrder(png, svg);
  }

  @Test
  void uploadedAfterIsInclusiveAndUploadedBeforeExclusive() {
    add(TestFiles.fileOf(owner).uploadedAt(T0.minusNanos(1000)));
    FileMetadata atStart = add(TestFiles.fileOf(owner).uploadedAt(T0));
    FileMetadata inside = add(TestFiles.fileOf(owner).uploadedAt(T0.plus(Duration.ofMinutes(30))));
    add(TestFiles.fileOf(owner).uploadedAt(T0.plus(Duration.ofHours(1))));

    assertThat(search(query().after(T0).before(T0.plus(Duration.ofHours(1)))))
        .containsExactlyInAnyOrder(atStart, inside);
  }

  @Test
  void sizeBoundsAreInclusive() {
    add(TestFiles.fileOf(owner).size(9));
    FileMetadata atMin = add(TestFiles.fileOf(owner).size(10));
    FileMetadata atMax = add(TestFiles.fileOf(owner).size(20));
    add(TestFiles.fileOf(owner).size(21));

    assertThat(search(query().sizes(10, 20))).containsExactlyInAnyOrder(atMin, atMax);
  }

  @Test
  void filtersCombineWithAnd() {
    FileMetadata match = add(TestFiles.fileOf(owner).named("holiday.png").type("image/png").size(500));
    add(TestFiles.fileOf(owner).named("holiday.pdf").type("application/pdf").size(500));
    add(TestFiles.fileOf(owner).named("work.png").type("image/png").size(500));
    add(TestFiles.fileOf(owner).named("holiday-big.png").type("image/png").size(5000));

    assertThat(search(query().name("holiday").type(new TypeFilter.Family("image")).sizes(0, 1000)))
        .containsExactly(match);
  }

  @Test
  void returnsOneRowMoreThanTheLimitWhenThereAreMore() {
    IntStream.range(0, 5).forEach(i -> add(TestFiles.fileOf(owner)));

    assertThat(search(query().limit(3))).hasSize(4);
    assertThat(search(query().limit(5))).hasSize(5);
    assertThat(search(query().limit(10))).hasSize(5);
  }

  static Stream<Arguments> everyOrder() {
    return Stream.of(SortField.values())
        .flatMap(sort -> Stream.of(SortOrder.values()).map(order -> Arguments.of(sort, order)));
  }

  @ParameterizedTest
  @MethodSource("everyOrder")
  void sortsByTheKeyThenByIdInTheSameDirection(SortField sort, SortOrder order) {
    List<FileMetadata> files = addFilesWithTies(17);

    assertThat(search(query().sort(sort, order).limit(100))).containsExactlyElementsOf(expectedOrder(files, sort, order));
  }

  @ParameterizedTest
  @MethodSource("everyOrder")
  void keysetPagingVisitsEveryFileOnceInOrder(SortField sort, SortOrder order) {
    List<FileMetadata> files = addFilesWithTies(23);
    List<FileMetadata> seen = new ArrayList<>();
    Optional<PageCursor> cursor = Optional.empty();
    int pages = 0;
    do {
      List<FileMetadata> rows = search(query().sort(sort, order).limit(4).cursor(cursor));
      List<FileMetadata> page = rows.subList(0, Math.min(4, rows.size()));
      seen.addAll(page);
      cursor = rows.size() > 4 ? Optional.of(PageCursor.after(page.get(3), sort, order)) : Optional.empty();
      pages++;
    } while (cursor.isPresent() && pages < 100);

    assertThat(pages).isEqualTo(6);
    assertThat(seen).containsExactlyElementsOf(expectedOrder(files, sort, order));
  }

  @Test
  void cursorSurvivesFilesAddedBeforeIt() {
    List<FileMetadata> files = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      files.add(add(TestFiles.fileOf(owner).uploadedAt(T0.plus(Duration.ofMinutes(i)))));
    }
    List<FileMetadata> first = search(query().limit(3));
    PageCursor cursor = PageCursor.after(first.get(2), SortField.UPLOAD_DATE, SortOrder.DESC);
    add(TestFiles.fileOf(owner).uploadedAt(T0.plus(Duration.ofHours(1))));

    List<FileMetadata> second = search(query().limit(3).cursor(Optional.of(cursor)));

    assertThat(second).containsExactly(files.get(2), files.get(1), files.get(0));
  }

  private List<FileMetadata> addFilesWithTies(int count) {
    String[] names = {"alpha.txt", "Alpha.TXT", "bravo.txt", "charlie.txt", "CHARLIE.txt"};
    List<FileMetadata> files = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      files.add(add(TestFiles.fileOf(owner)
          .named(names[i % names.length])
          .size((i % 4) * 100L)
          .uploadedAt(T0.plus(Duration.ofHours(i % 6)))));
    }
    return files;
  }

  // Written independently of any adapter: the text form of a UUID sorts like its unsigned bytes.
  private static List<FileMetadata> expectedOrder(List<FileMetadata> files, SortField sort, SortOrder order) {
    Comparator<FileMetadata> byKey = switch (sort) {
      case UPLOAD_DATE -> Comparator.comparing(FileMetadata::uploadedAt);
      case NAME -> Comparator.comparing(f -> f.filename().sortKey());
      case SIZE -> Comparator.comparing(FileMetadata::size);
    };
    Comparator<FileMetadata> ascending = byKey.thenComparing(f -> f.id().value().toString());
    return files.stream().sorted(order == SortOrder.ASC ? ascending : ascending.reversed()).toList();
  }

  private FileMetadata add(TestFiles builder) {
    FileMetadata file = builder.build();
    repository.add(file);
    return file;
  }

  private List<FileMetadata> search(QueryBuilder builder) {
    return repository.find(builder.build());
  }

  private QueryBuilder query() {
    return new QueryBuilder(owner);
  }

  /** Every filter unset, newest first, limit 50, until a test says otherwise. */
  private static final class QueryBuilder {
    private final UserId owner;
    private Optional<String> name = Optional.empty();
    private Optional<TypeFilter> type = Optional.empty();
    private Optional<Instant> after = Optional.empty();
    private Optional<Instant> before = Optional.empty();
    private Optional<Long> minSize = Optional.empty();
    private Optional<Long> maxSize = Optional.empty();
    private SortField sort = SortField.UPLOAD_DATE;
    private SortOrder order = SortOrder.DESC;
    private int limit = FileQuery.DEFAULT_LIMIT;
    private Optional<PageCursor> cursor = Optional.empty();

    QueryBuilder(UserId owner) {
      this.owner = owner;
    }

    QueryBuilder name(String value) {
      name = Optional.of(value);
      return this;
    }

    QueryBuilder type(TypeFilter value) {
      type = Optional.of(value);
      return this;
    }

    QueryBuilder after(Instant value) {
      after = Optional.of(value);
      return this;
    }

    QueryBuilder before(Instant value) {
      before = Optional.of(value);
      return this;
    }

    QueryBuilder sizes(long min, long max) {
      minSize = Optional.of(min);
      maxSize = Optional.of(max);
      return this;
    }

    QueryBuilder sort(SortField field, SortOrder direction) {
      sort = field;
      order = direction;
      return this;
    }

    QueryBuilder limit(int value) {
      limit = value;
      return this;
    }

    QueryBuilder cursor(Optional<PageCursor> value) {
      cursor = value;
      return this;
    }

    FileQuery build() {
      return new FileQuery(owner, name, type, after, before, minSize, maxSize, sort, order, limit, cursor);
    }
  }
}
