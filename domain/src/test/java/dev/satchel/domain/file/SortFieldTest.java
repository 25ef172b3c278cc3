package dev.satchel.domain.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.satchel.domain.error.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SortFieldTest {

  @ParameterizedTest
  @CsvSource({"upload_date, UPLOAD_DATE", "NAME, NAME", " size , SIZE"})
  void parsesSortFieldsInAnyCase(String raw, SortField expected) {
    assertThat(SortField.parse(raw)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "date", "uploaded_at", "name;drop"})
  void unknownSortFieldIsInvalidSortInput(String raw) {
    assertThatThrownBy(() -> SortField.parse(raw))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("sort"));
  }

  @ParameterizedTest
  @CsvSource({"asc, ASC", "DESC, DESC", " Desc , DESC"})
  void parsesOrdersInAnyCase(String raw, SortOrder expected) {
    assertThat(SortOrder.parse(raw)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "up", "ascending"})
  void unknownOrderIsInvalidOrderInput(String raw) {
    assertThatThrownBy(() -> SortOrder.parse(raw))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("order"));
  }

  @Test
  void datesDefaultToNewestFirstAndTheRestToAscending() {
    assertThat(SortField.UPLOAD_DATE.defaultOrder()).isEqualTo(SortOrder.DESC);
    assertThat(SortField.NAME.defaultOrder()).isEqualTo(SortOrder.ASC);
    assertThat(SortField.SIZE.defaultOrder()).isEqualTo(SortOrder.ASC);
  }
}
