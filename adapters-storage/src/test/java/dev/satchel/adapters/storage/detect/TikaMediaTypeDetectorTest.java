package dev.satchel.adapters.storage.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.satchel.domain.file.FileName;
import dev.satchel.domain.file.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TikaMediaTypeDetectorTest {
  private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  private static final byte[] PNG_HEAD = {
    (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'
  };
  private static final byte[] ZIP_HEAD = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0};

  private final TikaMediaTypeDetector detector = new TikaMediaTypeDetector();

  @Test
  void wantsAtLeastEightKilobytes() {
    assertThat(detector.headLength()).isGreaterThanOrEqualTo(8192);
  }

  @Test
  void bytesPastTheHeadChangeNothing() {
    byte[] html = new byte[64 * 1024];
    byte[] start = ascii("<!DOCTYPE html>\n<html><body>hi</body></html>\n");
    System.arraycopy(start, 0, html, 0, start.length);
    java.util.Arrays.fill(html, start.length, html.length, (byte) ' ');
    byte[] tail = ascii("CD001 %PDF-1.4");
    System.arraycopy(tail, 0, html, 40_000, tail.length);

    assertThat(detect(html, "page")).isEqualTo("text/html");
    assertThat(detector.headLength()).isLessThan(html.length);
  }

  @Test
  void magicBytesBeatTheExtension() {
    assertThat(detect(PNG_HEAD, "x.txt")).isEqualTo("image/png");
  }

  @Test
  void pdfIsRecognisedByItsHeader() {
    assertThat(detect(ascii("%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n"), "a.bin")).isEqualTo("application/pdf");
  }

  @Test
  void plainTextTakesItsTextTypeFromTheExtension() {
    assertThat(detect(ascii("# Notes\n\nSome *markdown*.\n"), "notes.md")).isEqualTo("text/x-web-markdown");
  }

  @Test
  void plainTextWithoutAHintStaysPlainText() {
    assertThat(detect(ascii("just some words\n"), "notes")).isEqualTo("text/plain");
  }

  @Test
  void unknownBytesTakeTheTypeOfTheExtension() {
    assertThat(detect(garbage(), "report.docx")).isEqualTo(DOCX);
  }

  @Test
  void zipContainerIsRefinedOnlyByAnExtensionOfAZipFormat() {
    assertThat(detect(ZIP_HEAD, "report.docx")).isEqualTo(DOCX);
    assertThat(detect(ZIP_HEAD, "archive.zip")).isEqualTo("application/zip");
    assertThat(detect(ZIP_HEAD, "image.png")).isEqualTo("application/zip");
  }

  @Test
  void declaredTypeIsTheLastResort() {
    assertThat(detect(garbage(), "upload", "application/x-custom; v=1")).isEqualTo("application/x-custom");
  }

  @Test
  void declaredTypeDoesNotOverrideMagic() {
    assertThat(detect(PNG_HEAD, "upload", "text/html")).isEqualTo("image/png");
  }

  @Test
  void activeContentIsDetectedWhateverItsName() {
    MediaType type = detector.detect(
        ascii("<html><script>alert(1)</script>"), new FileName("a.txt"), Optional.empty());

    assertThat(type.value()).isEqualTo("text/html");
    assertThat(type.isActiveContent()).isTrue();
  }

  @Test
  void svgIsDetectedAsActiveContent() {
    byte[] svg = ascii("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script/></svg>");

    assertThat(detector.detect(svg, new FileName("cat.png"), Optional.empty()).isActiveContent()).isTrue();
  }

  @Test
  void unknownBytesWithoutHintsAreOctetStream() {
    assertThat(detect(garbage(), "no-extension")).isEqualTo("application/octet-stream");
    assertThat(detect(new byte[0], "empty")).isEqualTo("application/octet-stream");
  }

  @Test
  void unparseableDeclaredTypeIsIgnored() {
    assertThat(detect(garbage(), "x", "not a type")).isEqualTo("application/octet-stream");
    assertThat(detect(garbage(), "x", "")).isEqualTo("application/octet-stream");
  }

  @Test
  void xmlWithAnExternalEntityIsDetectedWithoutFailing() {
    byte[] xml = ascii("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>");

    assertThat(detect(xml, "x")).isEqualTo("application/xml");
  }

  @Test
  void asfContainerIsRefinedToWindowsMediaOnlyByItsName() {
    byte[] asf = new byte[1024];
    byte[] guid = {0x30, 0x26, (byte) 0xB2, 0x75, (byte) 0x8E, 0x66, (byte) 0xCF, 0x11,
        (byte) 0xA6, (byte) 0xD9, 0x00, (byte) 0xAA, 0x00, 0x62, (byte) 0xCE, 0x6C};
    System.arraycopy(guid, 0, asf, 0, guid.length);
    byte[] codec = "Windows Media Video".getBytes(StandardCharsets.UTF_16LE);
    System.arraycopy(codec, 0, asf, 300, codec.length);

    assertThat(detect(asf, "clip.wmv")).isEqualTo("video/x-ms-wmv");
    assertThat(detect(asf, "song.wma")).isEqualTo("audio/x-ms-wma");
    assertThat(detect(asf, "clip")).isEqualTo("video/x-ms-asf");
  }

  @Test
  void windowsMediaTextInsideUnrelatedBytesDoesNotMakeAVideo() {
    byte[] bytes = garbage();
    byte[] text = "wmv2".getBytes(StandardCharsets.UTF_16LE);
    System.arraycopy(text, 0, bytes, 2000, text.length);

    assertThat(detect(bytes, "data")).isEqualTo("application/octet-stream");
  }

  private String detect(byte[] head, String filename) {
    return detector.detect(head, new FileName(filename), Optional.empty()).value();
  }

  private String detect(byte[] head, String filename, String declaredType) {
    return detector.detect(head, new FileName(filename), Optional.of(declaredType)).value();
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  // Starts with bytes no magic rule claims and that are not text.
  private static byte[] garbage() {
    byte[] bytes = new byte[4096];
    new Random(42).nextBytes(bytes);
    bytes[0] = 0x00;
    bytes[1] = (byte) 0xFE;
    bytes[2] = 0x01;
    return bytes;
  }
}
