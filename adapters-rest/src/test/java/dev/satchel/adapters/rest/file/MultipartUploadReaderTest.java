package dev.satchel.adapters.rest.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.satchel.domain.error.InvalidInput;
import dev.satchel.domain.error.UploadIncomplete;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MultipartUploadReaderTest {
  private static final String BOUNDARY = "----satchelBoundary7MA4YWxkTrZu0gW";
  private static final String CONTENT_TYPE = "multipart/form-data; boundary=" + BOUNDARY;

  private static byte[] body(String... partsThenFileHeadersAndContent) {
    return String.join("", partsThenFileHeadersAndContent).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] fileBody(String disposition, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n").getBytes(StandardCharsets.UTF_8));
    out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: " + disposition + "\r\nContent-Type: image/png\r\n\r\n")
        .getBytes(StandardCharsets.UTF_8));
    out.writeBytes(content);
    out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  /** Hands out at most {@code chunk} bytes per read, as a slow network does. */
  private static InputStream trickle(byte[] bytes, int chunk) {
    return new FilterInputStream(new ByteArrayInputStream(bytes)) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return super.read(b, off, Math.min(len, chunk));
      }
    };
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 64, 4096, 1 << 20})
  void fileContentComesThroughExactlyWhateverTheReadSizes(int chunk) throws IOException {
    byte[] content = new byte[3 * MultipartBody.BUFFER_SIZE + 17];
    new Random(chunk).nextBytes(content);
    // Near-misses of the delimiter inside the content must stay content.
    byte[] nearMiss = ("\r\n--" + BOUNDARY.substring(0, 10)).getBytes(StandardCharsets.UTF_8);
    System.arraycopy(nearMiss, 0, content, MultipartBody.BUFFER_SIZE - 5, nearMiss.length);
    var part = MultipartUploadReader.openFilePart(CONTENT_TYPE,
        trickle(fileBody("form-data; name=\"file\"; filename=\"pic.png\"", content), chunk));
    assertThat(part.filename()).isEqualTo("pic.png");
    assertThat(part.declaredType()).contains("image/png");
    assertThat(part.content().readAllBytes()).isEqualTo(content);
  }

  @Test
  void emptyFileIsEmpty() throws IOException {
    var part = MultipartUploadReader.openFilePart(CONTENT_TYPE, new ByteArrayInputStream(
        fileBody("form-data; name=\"file\"; filename=\"empty.txt\"", new byte[0])));
    assertThat(part.content().readAllBytes()).isEmpty();
  }

  @Test
  void utf8AndExtendedFilenamesAreDecoded() {
    assertThat(MultipartUploadReader.openFilePart(CONTENT_TYPE, new ByteArrayInputStream(
        fileBody("form-data; name=\"file\"; filename=\"Résumé 日本.txt\"", new byte[1]))).filename())
        .isEqualTo("Résumé 日本.txt");
    assertThat(MultipartUploadReader.openFilePart(CONTENT_TYPE, new ByteArrayInputStream(
        fileBody("form-data; name=\"file\"; filename=\"fallback.txt\"; filename*=UTF-8''%E2%82%AC%20rates.txt", new byte[1])))
        .filename()).isEqualTo("€ rates.txt");
    assertThat(MultipartUploadReader.openFilePart(CONTENT_TYPE, new ByteArrayInputStream(
        fileBody("form-data; name=\"file\"; filename=\"say \\\"hi\\\".txt\"", new byte[1]))).filename())
        .isEqualTo("say \"hi\".txt");
    assertThat(MultipartUploadReader.openFilePart(CONTENT_TYPE, new ByteArrayInputStream(
        fileBody("form-data; name=\"file\"; filename=\"C:\\Users\\me\\a.txt\"", new byte[1]))).filename())
        .isEqualTo("C:\\Users\\me\\a.txt");
  }

  @Test
  void aBrowserEscapedQuoteInAFilenameIsReadBack() {
    // Chrome, Firefox and curl write "my "q".txt" as my %22q%22.txt (WHATWG HTML form-data encoding).
    assertThat(MultipartUploadReader.openFilePart(CONTENT_TYPE, new ByteArrayInputStream(
        fileBody("form-data; name=\"file\"; filename=\"my %22q%22.txt\"", new byte[1]))).filename())
        .isEqualTo("my \"q\".txt");
    // filename* is RFC 8187 text, decoded as such: %2522 there is a literal %22.
    assertThat(MultipartUploadReader.openFilePart(CONTENT_TYPE, new ByteArrayInputStream(
        fileBody("form-data; name=\"file\"; filename=\"x\"; filename*=UTF-8''a%2522b.txt", new byte[1]))).filename())
        .isEqualTo("a%22b.txt");
  }

  @Test
  void quotedBoundaryIsAccepted() throws IOException {
    var part = MultipartUploadReader.openFilePart("multipart/form-data; boundary=\"" + BOUNDARY + "\"",
        new ByteArrayInputStream(fileBody("form-data; name=\"file\"; filename=\"a\"", new byte[] {42})));
    assertThat(part.content().readAllBytes()).containsExactly(42);
  }

  @Test
  void missingFilePartIsInvalidInput() {
    byte[] body = body("--", BOUNDARY, "\r\nContent-Disposition: form-data; name=\"document\"; filename=\"a\"\r\n\r\nx\r\n--",
        BOUNDARY, "--\r\n");
    assertThatThrownBy(() -> MultipartUploadReader.openFilePart(CONTENT_TYPE, new ByteArrayInputStream(body)))
        .isInstanceOf(InvalidInput.class).hasMessageContaining("'file'");
  }

  @Test
  void filePartWithoutFilenameIsInvalidInput() {
    assertThatThrownBy(() -> MultipartUploadReader.openFilePart(CONTENT_TYPE,
        new ByteArrayInputStream(fileBody("form-data; name=\"file\"", new byte[1]))))
        .isInstanceOf(InvalidInput.class).hasMessageContaining("filename");
  }

  @Test
  void missingOrOverlongBoundaryIsInvalidInput() {
    assertThatThrownBy(() -> MultipartUploadReader.openFilePart("multipart/form-data", new ByteArrayInputStream(new byte[0])))
        .isInstanceOf(InvalidInput.class);
    assertThatThrownBy(() -> MultipartUploadReader.openFilePart("multipart/form-data; boundary=" + "x".repeat(71),
        new ByteArrayInputStream(new byte[0]))).isInstanceOf(InvalidInput.class);
  }

  @Test
  void garbageBodyIsInvalidInput() {
    assertThatThrownBy(() -> MultipartUploadReader.openFilePart(CONTENT_TYPE,
        new ByteArrayInputStream("not multipart at all".getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(InvalidInput.class);
  }

  @Test
  void truncatedFileContentFailsWhileReading() {
    byte[] whole = fileBody("form-data; name=\"file\"; filename=\"a.bin\"", new byte[10_000]);
    byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 100);
    var part = MultipartUploadReader.openFilePart(CONTENT_TYPE, new ByteArrayInputStream(cut));
    assertThatThrownBy(() -> part.content().readAllBytes()).isInstanceOf(IOException.class);
  }

  /** Issue 12, input 5: a client that died right after the delimiter following the file part. */
  @Test
  void bodyEndingInADelimiterWithoutCloseFailsInsteadOfEndingTheFile() {
    byte[] body = body("--", BOUNDARY, "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\n",
        "partial conte", "\r\n--", BOUNDARY);
    var part = MultipartUploadReader.openFilePart(CONTENT_TYPE, new ByteArrayInputStream(body));
    assertThatThrownBy(() -> part.content().readAllBytes()).isInstanceOf(MultipartBody.MalformedMultipart.class);
    // Reading on after the failure must not turn it into a clean end.
    assertThatThrownBy(() -> part.content().read()).isInstanceOf(IOException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "\r\n--" + BOUNDARY + "\r\n",                        // a new part that never comes
      "\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nv", // a later part cut short
      "\r\n--" + BOUNDARY + "-",                            // half a close delimiter
      "\r\n--" + BOUNDARY + "xx\r\n--" + BOUNDARY + "--",  // garbage after a delimiter
      "\r\n--" + BOUNDARY + " \tjunk\r\n",                 // garbage after transport padding
  })
  void everythingAfterTheFilePartIsVerifiedBeforeItsEnd(String tail) {
    byte[] body = body("--", BOUNDARY, "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\n",
        "content", tail);
    var part = MultipartUploadReader.openFilePart(CONTENT_TYPE, new ByteArrayInputStream(body));
    assertThatThrownBy(() -> part.content().readAllBytes()).isInstanceOf(IOException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "form-data; name=\"file\"; filename=\"b.txt\"",
      "form-data; name=file; filename=b.txt",
      "form-data; name=\"file\"", // even without a filename, a second file part is a second file
      "FORM-DATA; NAME=\"file\"; filename*=UTF-8''b.txt"})
  void aSecondFilePartFailsTheReadInsteadOfBeingDropped(String secondDisposition) {
    byte[] body = body("--", BOUNDARY, "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\n",
        "first\r\n--", BOUNDARY, "\r\nContent-Disposition: ", secondDisposition, "\r\n\r\nsecond\r\n--",
        BOUNDARY, "--\r\n");
    var part = MultipartUploadReader.openFilePart(CONTENT_TYPE, new ByteArrayInputStream(body));

    assertThatThrownBy(() -> part.content().readAllBytes())
        .isInstanceOf(MultipartBody.MalformedMultipart.class)
        .hasMessageContaining("more than one part named 'file'");
  }

  @Test
  void aMalformedBodyBehindAFailedStoreIsExplainedAsInvalidInput() {
    var malformed = new MultipartBody.MalformedMultipart("it holds more than one part named 'file'");
    var failure = new UploadIncomplete("The upload body could not be read to its end.", new IOException(malformed));
    var ended = new UploadIncomplete("The upload body could not be read to its end.", new IOException("reset"));

    assertThat(MultipartUploadReader.explain(failure))
        .isInstanceOfSatisfying(InvalidInput.class, e -> {
          assertThat(e.field()).isEqualTo("file");
          assertThat(e.getMessage()).contains("more than one part named 'file'");
        });
    assertThat(MultipartUploadReader.explain(ended)).isSameAs(ended);
  }

  @Test
  void partsAfterTheFilePartAndAnEpilogueAreAccepted() throws IOException {
    byte[] body = body("preamble\r\n--", BOUNDARY, " \t\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\n",
        "content\r\n--", BOUNDARY, "\r\nContent-Disposition: form-data; name=\"comment\"\r\n\r\nafter\r\n--",
        BOUNDARY, "\r\n\r\nno headers\r\n--", BOUNDARY, "--\r\nepilogue, ignored");
    var part = MultipartUploadReader.openFilePart(CONTENT_TYPE, new ByteArrayInputStream(body));
    assertThat(new String(part.content().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("content");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "form-data; name=\"file\"; filename=\"a.txt\"; foo; bar=",
      "form-data; foo; name=\"file\"; filename=\"a.txt\"",
      "form-data;name=file;filename=a.txt",
      "form-data;\tname=\"file\";\t filename = \"a.txt\"  ",
      "form-data ;  name =  file ; bar= ; filename=\"a.txt\";",
      "FORM-DATA; NAME=\"file\"; FILENAME=\"a.txt\"; unknown=\"x;y=z\"",
      "form-data; unknown=\"name=evil; filename=evil.txt\"; name=\"file\"; filename=\"a.txt\"",
      "form-data; ; ;name=\"file\"; filename=\"a.txt\"; empty=\"\"",
  })
  void dispositionParametersParseWhateverTheirSpacingAndNeighbours(String disposition) {
    var part = MultipartUploadReader.openFilePart(CONTENT_TYPE,
        new ByteArrayInputStream(fileBody(disposition, new byte[] {1})));
    assertThat(part.filename()).isEqualTo("a.txt");
  }
}
