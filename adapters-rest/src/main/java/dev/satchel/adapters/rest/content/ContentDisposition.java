package dev.satchel.adapters.rest.content;

import java.nio.charset.StandardCharsets;

/**
 * Builds {@code Content-Disposition: attachment} with an ASCII fallback name and the exact UTF-8
 * name in {@code filename*} (RFC 6266, RFC 8187). No input can put a quote, backslash, CR, LF or
 * other control character into the header.
 */
public final class ContentDisposition {
  private static final String ATTR_CHAR_PUNCTUATION = "!#$&+-.^_`|~";

  private ContentDisposition() {}

  public static String attachment(String filename) {
    return "attachment; filename=\"" + asciiFallback(filename) + "\"; filename*=UTF-8''" + encode(filename);
  }

  static String asciiFallback(String filename) {
    StringBuilder ascii = new StringBuilder(filename.length());
    filename.codePoints().forEach(cp -> {
      boolean printable = cp >= 0x20 && cp < 0x7F && cp != '"' && cp != '\\' && cp != '%';
      ascii.append(printable ? (char) cp : '_');
    });
    return ascii.toString();
  }

  static String encode(String filename) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : filename.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || ATTR_CHAR_PUNCTUATION.indexOf(c) >= 0) {
        encoded.append((char) c);
      } else {
        encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      }
    }
    return encoded.toString();
  }
}
