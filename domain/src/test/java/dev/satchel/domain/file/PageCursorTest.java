package dev.satchel.domain.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.satchel.domain.error.InvalidInput;
import dev.satchel.domain.testing.TestFiles;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PageCursorTest {
  private static final UUID ID = UUID.fromString("0190a5c3-7e1f-7abc-9def-0123456789ab");

  private final FileMetadata file = TestFiles.fileOf(TestFiles.newUser())
      .named("Überblick – Q3 Report.PDF")
      .size(123_456_789L)
      .uploadedAt(Instant.parse("2025-03-04T05:06:07.123456Z"))
      .build();

  @ParameterizedTest
  @EnumSource(SortField.class)
  void encodeDecodeRoundTripsAscending(SortField sort) {
    PageCursor cursor = PageCursor.after(file, sort, SortOrder.ASC);

    assertThat(PageCursor.decode(cursor.encode())).isEqualTo(cursor);
  }

  @ParameterizedTest
  @EnumSource(SortField.class)
  void encodeDecodeRoundTripsDescending(SortField sort) {
    PageCursor cursor = PageCursor.after(file, sort, SortOrder.DESC);

    assertThat(PageCursor.decode(cursor.encode())).isEqualTo(cursor);
  }

  @Test
  void uploadDateCursorKeepsTheExactInstant() {
    PageCursor cursor = PageCursor.decode(PageCursor.after(file, SortField.UPLOAD_DATE, SortOrder.DESC).encode());

    assertThat(cursor.lastUploadedAt()).isEqualTo(file.uploadedAt());
    assertThat(cursor.lastId()).isEqualTo(file.id().value());
  }

  @Test
  void sizeCursorKeepsTheSize() {
    PageCursor cursor = PageCursor.decode(PageCursor.after(file, SortField.SIZE, SortOrder.ASC).encode());

    assertThat(cursor.lastSize()).isEqualTo(123_456_789L);
  }

  @Test
  void nameCursorKeepsTheCaseFoldedName() {
    PageCursor cursor = PageCursor.decode(PageCursor.after(file, SortField.NAME, SortOrder.ASC).encode());

    assertThat(cursor.lastKey()).isEqualTo("überblick – q3 report.pdf");
  }

  @Test
  void encodedFormIsUnpaddedBase64Url() {
    assertThat(PageCursor.after(file, SortField.NAME, SortOrder.ASC).encode()).matches("[A-Za-z0-9_-]+");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"not a cursor!", "AAAA", "%%%", "eyJhbGciOiJub25lIn0"})
  void garbageIsInvalidCursor(String text) {
    assertInvalid(text);
  }

  @Test
  void unknownVersionIsInvalidCursor() {
    assertInvalid(raw("2", "NAME", "ASC", ID.toString(), "a.txt"));
  }

  @Test
  void wellFormedCursorIsAcceptedByTheSameHelper() {
    // Guards the tampering cases below: they fail for what they change, not for how they are built.
    PageCursor cursor = PageCursor.decode(raw("1", "NAME", "ASC", ID.toString(), "a.txt"));

    assertThat(cursor).isEqualTo(new PageCursor(SortField.NAME, SortOrder.ASC, "a.txt", ID));
  }

  @Test
  void tamperedSortFieldIsInvalidCursor() {
    assertInvalid(raw("1", "PASSWORD", "ASC", ID.toString(), "a.txt"));
  }

  @Test
  void tamperedOrderIsInvalidCursor() {
    assertInvalid(raw("1", "NAME", "SIDEWAYS", ID.toString(), "a.txt"));
  }

  @Test
  void tamperedIdIsInvalidCursor() {
    assertInvalid(raw("1", "NAME", "ASC", "'; DROP TABLE files; --", "a.txt"));
  }

  /** Keys a cursor of ours never holds; each used to reach PostgreSQL and end in a 500. */
  @ParameterizedTest
  @ValueSource(strings = {"+300000-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
      "-4714-11-24T00:00:00Z", "0000-12-31T23:59:59Z", "+10000-01-01T00:00:00Z"})
  void dateCursorOutsideYears1To9999IsInvalid(String key) {
    assertInvalid(raw("1", "UPLOAD_DATE", "DESC", ID.toString(), key));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\u0000b", "line\nbreak", "tab\tname", "\u007f"})
  void nameCursorWithControlCharactersIsInvalid(String key) {
    assertInvalid(raw("1", "NAME", "ASC", ID.toString(), key.translateEscapes()));
  }

  @Test
  void nameCursorLongerThanAnyNameIsInvalid() {
    assertInvalid(raw("1", "NAME", "ASC", ID.toString(), "a".repeat(1025)));
  }

  @Test
  void dateCursorAtTheEdgesOfTheRangeIsValid() {
    assertThat(PageCursor.decode(raw("1", "UPLOAD_DATE", "DESC", ID.toString(), "0001-01-01T00:00:00Z")).lastUploadedAt())
        .isEqualTo(Instant.parse("0001-01-01T00:00:00Z"));
    assertThat(PageCursor.decode(raw("1", "UPLOAD_DATE", "ASC", ID.toString(), "9999-12-31T23:59:59.999999Z"))
        .lastUploadedAt()).isEqualTo(Instant.parse("9999-12-31T23:59:59.999999Z"));
  }

  @Test
  void dateCursorWithANonDateKeyIsInvalid() {
    assertInvalid(raw("1", "UPLOAD_DATE", "DESC", ID.toString(), "yesterday"));
  }

  @Test
  void sizeCursorWithANonNumericKeyIsInvalid() {
    assertInvalid(raw("1", "SIZE", "ASC", ID.toString(), "1 OR 1=1"));
  }

  @Test
  void cursorWithMissingPartsIsInvalid() {
    assertInvalid(raw("1", "NAME", "ASC", ID.toString()));
  }

  @Test
  void truncatedCursorIsInvalid() {
    String encoded = PageCursor.after(file, SortField.UPLOAD_DATE, SortOrder.DESC).encode();

    assertInvalid(encoded.substring(0, encoded.length() / 2));
  }

  private static String raw(String... parts) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(String.join("\n", parts).getBytes(StandardCharsets.UTF_8));
  }

  private static void assertInvalid(String text) {
    assertThatThrownBy(() -> PageCursor.decode(text))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("cursor"));
  }
}
