package dev.satchel.adapters.rest.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.satchel.domain.error.InvalidInput;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QueryParametersTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "2026-11-30, 2026-11-30T00:00:00Z",
      "2026-11-30T12:34:56Z, 2026-11-30T12:34:56Z",
      "2026-11-30T12:34:56.789+02:00, 2026-11-30T10:34:56.789Z",
      "0001-01-01T00:00:00Z, 0001-01-01T00:00:00Z",
      "9999-12-31T23:59:59Z, 9999-12-31T23:59:59Z",
      "' 2026-01-02 ', 2026-01-02T00:00:00Z",
  })
  void readsRfc3339TimestampsAndDates(String raw, String expected) {
    assertThat(QueryParameters.instant("uploaded_after", raw)).contains(Instant.parse(expected));
  }

  /** RFC 3339 §5.6 years have four digits; Java would read the others, PostgreSQL cannot store them. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"+300000-01-01T00:00:00Z", "-5000-01-01T00:00:00Z", "+2026-01-01T00:00:00Z",
      "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "+10000-01-01", "-0001-01-01",
      "10000-01-01T00:00:00Z", "26-11-30", "2026-13-01", "2026-11-30T25:00:00Z", "yesterday", "2026-11-30T12:00:00",
      "\u0662\u0660\u0662\u0666-01-01"})
  void refusesAnythingElseAsInvalidInputNamingTheParameter(String raw) {
    assertThatThrownBy(() -> QueryParameters.instant("uploaded_before", raw))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("uploaded_before"));
  }
}
