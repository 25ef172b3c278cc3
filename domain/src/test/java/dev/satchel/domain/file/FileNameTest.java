package dev.satchel.domain.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.satchel.domain.error.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class FileNameTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "report.pdf                     | report.pdf",
      "dir/sub/report.pdf             | report.pdf",
      "/absolute/path/notes.txt       | notes.txt",
      "C:\\Users\\bob\\Desktop\\a.txt | a.txt",
      "../../etc/passwd               | passwd",
      "..\\..\\windows\\system.ini    | system.ini",
      "mixed/slashes\\final.bin       | final.bin"})
  void keepsOnlyTheLastPathSegment(String raw, String expected) {
    assertThat(FileName.sanitize(raw).value()).isEqualTo(expected);
  }

  @Test
  void removesLineBreaksAndNulBytes() {
    assertThat(FileName.sanitize("evil\r\nSet-Cookie: x=1.txt").value()).isEqualTo("evilSet-Cookie: x=1.txt");
    assertThat(FileName.sanitize("nul\u0000byte.txt").value()).isEqualTo("nulbyte.txt");
    assertThat(FileName.sanitize("tab\there.txt").value()).isEqualTo("tabhere.txt");
  }

  @Test
  void removesBidiOverridesThatDisguiseTheExtension() {
    // Rendered as "invoiceexe.pdf" by a bidi-aware display, but really an .exe.
    FileName name = FileName.sanitize("invoice\u202Efdp.exe");

    assertThat(name.value()).isEqualTo("invoicefdp.exe");
    assertThat(name.extension()).isEqualTo("exe");
  }

  @Test
  void removesZeroWidthAndLineSeparatorCharacters() {
    assertThat(FileName.sanitize("zero\u200Bwidth\u2028line\u2029para.txt").value())
        .isEqualTo("zerowidthlinepara.txt");
  }

  @Test
  void normalizesToNfc() {
    FileName name = FileName.sanitize("cafe\u0301.txt");

    assertThat(name.value()).isEqualTo("caf\u00e9.txt").hasSize(8);
  }

  @Test
  void stripsSurroundingWhitespace() {
    assertThat(FileName.sanitize("  notes.txt \t").value()).isEqualTo("notes.txt");
  }

  @Test
  void keepsInnerSpacesAndUnicode() {
    assertThat(FileName.sanitize("Relatório final 2025 ✓.docx").value()).isEqualTo("Relatório final 2025 ✓.docx");
  }

  @Test
  void capsLongNamesAt255CodePointsKeepingTheExtension() {
    FileName name = FileName.sanitize("a".repeat(300) + ".pdf");

    assertThat(name.value().codePointCount(0, name.value().length())).isEqualTo(FileName.MAX_LENGTH);
    assertThat(name.value()).startsWith("aaaa").endsWith(".pdf");
    assertThat(name.extension()).isEqualTo("pdf");
  }

  @Test
  void capCountsCodePointsAndNeverSplitsASurrogatePair() {
    String emoji = "\uD83D\uDCC4";
    FileName name = FileName.sanitize(emoji.repeat(300) + ".txt");

    assertThat(name.value().codePointCount(0, name.value().length())).isEqualTo(FileName.MAX_LENGTH);
    assertThat(name.value()).isEqualTo(emoji.repeat(251) + ".txt");
  }

  @Test
  void capWithoutAnExtensionJustTruncates() {
    assertThat(FileName.sanitize("b".repeat(300)).value()).isEqualTo("b".repeat(255));
  }

  @Test
  void capDropsAnOverlongExtensionRatherThanKeepingIt() {
    String longExtension = "." + "x".repeat(20);
    FileName name = FileName.sanitize("a".repeat(300) + longExtension);

    assertThat(name.value()).isEqualTo("a".repeat(255));
  }

  @Test
  void capLandingOnASpaceStillYieldsAUsableName() {
    FileName name = FileName.sanitize("a".repeat(254) + " tail");

    assertThat(name.value()).isEqualTo("a".repeat(254));
  }

  @Test
  void sanitizedNamesAreAcceptedByTheConstructor() {
    String sanitized = FileName.sanitize("dir/  cafe\u0301 \u202Ereport.PDF  ").value();

    assertThat(new FileName(sanitized).value()).isEqualTo(sanitized);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {".", "..", "   ", "dir/", "/", "a/..", "..\\.", "\u202E", "\r\n"})
  void rejectsNamesThatAreEmptyOrOnlyADotPath(String raw) {
    assertThatThrownBy(() -> FileName.sanitize(raw))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("filename"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a/b.txt", "line\nbreak.txt", " padded.txt", "cafe\u0301.txt"})
  void constructorRejectsUncleanValues(String value) {
    assertThatThrownBy(() -> new FileName(value))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("filename"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Report.PDF        | pdf",
      "archive.tar.GZ    | gz",
      "photo.JpEg        | jpeg",
      ".bashrc           | ''",
      "README            | ''",
      "trailing.         | ''"})
  void extensionIsTheLowerCasedTextAfterTheLastDot(String name, String extension) {
    assertThat(FileName.sanitize(name).extension()).isEqualTo(extension);
  }

  @Test
  void sortKeyIsLowerCase() {
    assertThat(FileName.sanitize("Quarterly REPORT.Pdf").sortKey()).isEqualTo("quarterly report.pdf");
  }
}
