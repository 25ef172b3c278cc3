package dev.satchel.domain.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.satchel.domain.error.InvalidInput;
import dev.satchel.domain.testing.TestFiles;
import dev.satchel.domain.user.UserId;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileQueryTest {
  private final UserId owner = TestFiles.newUser();

  @ParameterizedTest
  @ValueSource(ints = {1, 50, 1000})
  void acceptsLimitsFromOneToOneThousand(int limit) {
    assertThat(query(limit, SortField.NAME, SortOrder.ASC, Optional.empty()).limit()).isEqualTo(limit);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 1001, Integer.MAX_VALUE})
  void rejectsLimitsOutsideOneToOneThousand(int limit) {
    assertThatThrownBy(() -> query(limit, SortField.NAME, SortOrder.ASC, Optional.empty()))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("limit"));
  }

  @Test
  void rejectsNegativeSizes() {
    assertThatThrownBy(() -> sized(Optional.of(-1L), Optional.empty()))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("min_size"));
    assertThatThrownBy(() -> sized(Optional.empty(), Optional.of(-1L)))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("max_size"));
  }

  @Test
  void acceptsZeroSizes() {
    assertThat(sized(Optional.of(0L), Optional.of(0L)).maxSize()).contains(0L);
  }

  @Test
  void acceptsACursorOfItsOwnSortAndOrder() {
    PageCursor cursor = new PageCursor(SortField.SIZE, SortOrder.DESC, "10", UUID.randomUUID());

    assertThat(query(10, SortField.SIZE, SortOrder.DESC, Optional.of(cursor)).after()).contains(cursor);
  }

  @Test
  void rejectsACursorOfAnotherSortField() {
    PageCursor byName = new PageCursor(SortField.NAME, SortOrder.ASC, "a.txt", UUID.randomUUID());

    assertThatThrownBy(() -> query(10, SortField.SIZE, SortOrder.ASC, Optional.of(byName)))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("cursor"));
  }

  @Test
  void rejectsACursorOfTheOtherOrder() {
    PageCursor ascending = new PageCursor(SortField.NAME, SortOrder.ASC, "a.txt", UUID.randomUUID());

    assertThatThrownBy(() -> query(10, SortField.NAME, SortOrder.DESC, Optional.of(ascending)))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("cursor"));
  }

  @Test
  void newestFirstIsAnUnfilteredListingByUploadDateDescending() {
    FileQuery query = FileQuery.newestFirst(owner, 20, Optional.empty());

    assertThat(query.sort()).isEqualTo(SortField.UPLOAD_DATE);
    assertThat(query.order()).isEqualTo(SortOrder.DESC);
    assertThat(query.limit()).isEqualTo(20);
    assertThat(query.nameContains()).isEmpty();
    assertThat(query.type()).isEmpty();
    assertThat(query.uploadedAfter()).isEmpty();
    assertThat(query.uploadedBefore()).isEmpty();
    assertThat(query.minSize()).isEmpty();
    assertThat(query.maxSize()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u0000", "a\u0000b", "\uD800", "x\uDC00", "line\nbreak", "\u0085"})
  void rejectsNamesThatNoStoredNameCanHoldBeforeTheyReachTheDatabase(String name) {
    assertThatThrownBy(() -> named(name))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("name"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"report", "50%_off", "\u043e\u0442\u0447\u0451\u0442", "\uD83D\uDE00"})
  void acceptsPrintableNames(String name) {
    assertThat(named(name).nameContains()).contains(name);
  }

  @Test
  void aDecomposedNameIsSearchedInTheComposedFormNamesAreStoredIn() {
    assertThat(named("Cafe\u0301 \u212b").nameContains()).contains("Caf\u00e9 \u00c5");
  }

  private FileQuery named(String name) {
    return new FileQuery(owner, Optional.of(name), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), SortField.NAME, SortOrder.ASC, 10, Optional.empty());
  }

  private FileQuery query(int limit, SortField sort, SortOrder order, Optional<PageCursor> after) {
    return new FileQuery(owner, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), sort, order, limit, after);
  }

  private FileQuery sized(Optional<Long> min, Optional<Long> max) {
    return new FileQuery(owner, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        min, max, SortField.SIZE, SortOrder.ASC, 10, Optional.empty());
  }
}
