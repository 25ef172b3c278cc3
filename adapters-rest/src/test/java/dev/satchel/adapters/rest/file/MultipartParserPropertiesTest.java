package dev.satchel.adapters.rest.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.satchel.domain.error.InvalidInput;
import dev.satchel.domain.error.UploadIncomplete;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Properties of the streaming multipart parser (RFC 2046 §5.1.1, RFC 7578): whatever the
 * boundary, the content (near-miss delimiters included) and the sizes in which the network hands
 * the bytes over, the file part comes out exactly; and no prefix of a valid body passes as one.
 */
class MultipartParserPropertiesTest {
  /** RFC 2046 bchars: DIGIT / ALPHA / "'()+_,-./:=?" and space (never last). */
  private static final String BCHARS =
      "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'()+_,-./:=? ";
  /** Small enough that bodies of a few KiB cross refills and compactions of the buffer. */
  private static final int SMALL_BUFFER = 1;
  private static final String FAILED = "failed";

  /** A generated request: the body, where its close delimiter ends, and what must come out. */
  record Sample(String boundary, byte[] body, int closeEnd, String filename, byte[] content) {
    String contentType() {
      return "multipart/form-data; boundary=\"" + boundary + "\"";
    }

    @Override
    public String toString() {
      return "boundary=" + boundary + " body=" + body.length + "B content=" + content.length + "B";
    }
  }

  @Provide
  Arbitrary<Sample> samples() {
    Arbitrary<String> boundaries = Arbitraries.strings().withChars(BCHARS.toCharArray())
        .ofMinLength(1).ofMaxLength(70).filter(b -> !b.endsWith(" "));
    Arbitrary<Long> seeds = Arbitraries.longs();
    Arbitrary<Integer> sizes = Arbitraries.oneOf(
        Arbitraries.integers().between(0, 64), Arbitraries.integers().between(0, 60_000));
    Arbitrary<Integer> nearMisses = Arbitraries.integers().between(0, 12);
    Arbitrary<Boolean> partsAround = Arbitraries.of(true, false);
    return Combinators.combine(boundaries, seeds, sizes, nearMisses, partsAround)
        .as(MultipartParserPropertiesTest::sample);
  }

  private static Sample sample(String boundary, long seed, int size, int nearMisses, boolean partsAround) {
    Random random = new Random(seed);
    byte[] delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    byte[] content = new byte[size];
    random.nextBytes(content);
    // Prefixes of the delimiter inside the content, anywhere and at its very end, must stay content.
    for (int k = 0; k < nearMisses && size > 0; k++) {
      int length = 1 + random.nextInt(delimiter.length - 1);
      int at = k == 0 ? Math.max(0, size - length) : random.nextInt(size);
      System.arraycopy(delimiter, 0, content, at, Math.min(length, size - at));
    }
    while (indexOf(content, delimiter) >= 0) {
      content[indexOf(content, delimiter)] = 'x'; // a real client picks a boundary not in the content
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String dash = "--" + boundary;
    if (partsAround) {
      write(out, dash + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nbefore\r\n");
    }
    write(out, dash + "\r\nContent-Disposition:\tform-data ;  name = \"file\";\tfilename=\"f.bin\"; foo; bar=\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n");
    out.writeBytes(content);
    if (partsAround) {
      write(out, "\r\n" + dash + "\r\nContent-Disposition: form-data; name=\"after\"\r\n\r\n\r\n");
      write(out, "\r\n" + dash + "  \t\r\n\r\nno headers here");
    }
    write(out, "\r\n" + dash + "--");
    int closeEnd = out.size();
    write(out, "\r\nepilogue");
    return new Sample(boundary, out.toByteArray(), closeEnd, "f.bin", content);
  }

  @Property(tries = 300)
  void anySplitOfTheStreamGivesTheFileExactly(
      @ForAll("samples") Sample sample,
      @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 1, max = 5000) Integer> chunks) {
    String expected = List.of(sample.filename(), HexFormat.of().formatHex(sample.content())).toString();
    assertThat(parse(sample, new ByteArrayInputStream(sample.body()), MultipartBody.BUFFER_SIZE)).isEqualTo(expected);
    assertThat(parse(sample, new Chunked(sample.body(), chunks), SMALL_BUFFER)).isEqualTo(expected);
  }

  @Property(tries = 300)
  void everyTruncationBeforeTheCloseDelimiterFails(
      @ForAll("samples") Sample sample, @ForAll long where,
      @ForAll @Size(min = 1, max = 4) List<@IntRange(min = 1, max = 3000) Integer> chunks) {
    int cut = (int) Math.floorMod(where, (long) sample.closeEnd());
    byte[] truncated = Arrays.copyOf(sample.body(), cut);
    assertThat(parse(sample, new Chunked(truncated, chunks), SMALL_BUFFER)).isEqualTo(FAILED);
    assertThat(parse(sample, new ByteArrayInputStream(truncated), MultipartBody.BUFFER_SIZE)).isEqualTo(FAILED);
  }

  @Property(tries = 200)
  void garbageAfterTheLastDelimiterFails(@ForAll("samples") Sample sample, @ForAll("garbage") byte garbage) {
    byte[] body = sample.body().clone();
    body[sample.closeEnd() - 2] = garbage; // "--boundary" followed by neither "--" nor padding + CRLF
    assertThat(parse(sample, new ByteArrayInputStream(body), MultipartBody.BUFFER_SIZE)).isEqualTo(FAILED);
  }

  @Provide
  Arbitrary<Byte> garbage() {
    return Arbitraries.bytes().filter(b -> b != '-' && b != ' ' && b != '\t' && b != '\r');
  }

  @Property
  void quotedValuesSurviveAnyValuelessOrOddParametersAroundThem(
      @ForAll String value,
      @ForAll("noise") String noise) {
    String quoted = value.replace("\\", "\\\\").replace("\"", "\\\"");
    HeaderParameters parameters =
        HeaderParameters.parse("form-data;" + noise + "; x=\"" + quoted + "\"" + noise + ";\tname=token;");
    assertThat(parameters.get("x")).contains(value);
    assertThat(parameters.get("name")).contains("token");
  }

  @Provide
  Arbitrary<String> noise() {
    return Arbitraries.strings().withChars("abc \t;".toCharArray()).ofMaxLength(12);
  }

  @Property
  void headerParametersNeverThrowOnAnyText(@ForAll String header) {
    HeaderParameters parameters = HeaderParameters.parse(header);
    assertThat(parameters.getExtended("filename").isEmpty() || header.toLowerCase(java.util.Locale.ROOT).contains("filename")).isTrue();
  }

  /** The file part as {@code [filename, hex]}, read to its end, or {@link #FAILED}. */
  private static String parse(Sample sample, InputStream body, int bufferSize) {
    try {
      var part = MultipartUploadReader.openFilePart(sample.contentType(), body, bufferSize);
      byte[] bytes = part.content().readAllBytes();
      return List.of(part.filename(), HexFormat.of().formatHex(bytes)).toString();
    } catch (InvalidInput | UploadIncomplete | IOException e) {
      return FAILED;
    }
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** Hands the bytes out in the given chunk sizes, cycling through them, as a network does. */
  private static final class Chunked extends InputStream {
    private final byte[] bytes;
    private final List<Integer> chunks;
    private int position;
    private int next;

    Chunked(byte[] bytes, List<Integer> chunks) {
      this.bytes = bytes;
      this.chunks = chunks;
    }

    @Override
    public int read() {
      return position < bytes.length ? bytes[position++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] target, int offset, int length) {
      if (position >= bytes.length) {
        return -1;
      }
      int n = Math.min(Math.min(length, chunks.get(next++ % chunks.size())), bytes.length - position);
      System.arraycopy(bytes, position, target, offset, n);
      position += n;
      return n;
    }
  }
}
