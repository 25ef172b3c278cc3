package dev.satchel.adapters.storage.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;
import org.junit.jupiter.api.Test;

class TikaTypeDatabaseTest {
  private final MimeTypes pruned = TikaTypeDatabase.load(getClass().getClassLoader());
  private final MimeTypes tika = MimeTypes.getDefaultMimeTypes(getClass().getClassLoader());

  @Test
  void answersAsTikaForContentOutsideTheDroppedSubtypes() throws IOException {
    byte[] random = new byte[8448];
    new Random(7).nextBytes(random);
    List<byte[]> samples = List.of(
        random,
        ascii("<!DOCTYPE html>\n<html><body>hi</body></html>"),
        ascii("<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>"),
        ascii("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>"),
        ascii("%PDF-1.7\n1 0 obj\n"),
        ascii("%!PS-Adobe-3.0\n%%Title: x\n"),
        ascii("#!/bin/sh\necho hi\n"),
        ascii("PK\u0003\u0004\u0014\u0000\u0000\u0000"),
        new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'},
        new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'},
        ascii("just words\n"));

    for (byte[] sample : samples) {
      assertThat(detect(pruned, sample)).as(new String(sample, 0, Math.min(16, sample.length),
          StandardCharsets.ISO_8859_1)).isEqualTo(detect(tika, sample));
    }
  }

  @Test
  void keepsTheDroppedSubtypesAsNamesUnderTheirParents() {
    assertThat(pruned.getMediaTypeRegistry().getSupertype(MediaType.parse("video/x-ms-wmv")))
        .isEqualTo(MediaType.parse("video/x-ms-asf"));
    assertThat(pruned.getMediaTypeRegistry().getSupertype(MediaType.parse("application/illustrator+ps")))
        .isEqualTo(MediaType.parse("application/postscript"));
  }

  private static MediaType detect(MimeTypes types, byte[] head) throws IOException {
    return types.detect(new ByteArrayInputStream(head), new Metadata());
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }
}
