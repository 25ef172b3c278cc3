package dev.satchel.adapters.rest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads text carried in a header value as UTF-8, as API.md requires for {@code X-Share-Password}.
 * Vert.x (Netty) hands header values over as ISO-8859-1, one char per byte, so the UTF-8 that curl
 * and browsers send for {@code пароль} arrives as mojibake; this recovers the bytes and decodes
 * them. A value that is not valid UTF-8 keeps its ISO-8859-1 reading, the historical charset of
 * header values (RFC 9110 §5.5): a client that sent {@code pässwörd} as Latin-1 is understood too,
 * and no valid UTF-8 text is ever read that way, because Latin-1 text with non-ASCII letters is
 * practically never valid UTF-8.
 */
public final class HeaderText {
  private HeaderText() {}

  /** The header value decoded as UTF-8; null stays null. */
  public static String utf8(String isoReading) {
    if (isoReading == null || isoReading.chars().allMatch(c -> c < 0x80)) {
      return isoReading;
    }
    if (isoReading.chars().anyMatch(c -> c > 0xFF)) {
      return isoReading; // not a byte-per-char reading: someone decoded it already
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(isoReading.getBytes(StandardCharsets.ISO_8859_1)))
          .toString();
    } catch (CharacterCodingException notUtf8) {
      return isoReading;
    }
  }
}
