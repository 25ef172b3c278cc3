package dev.satchel.adapters.rest.file;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reverses the escapes browsers apply to a {@code multipart/form-data} filename: the HTML
 * standard's form-data encoding (WHATWG HTML §4.10.21.8, "multipart/form-data encoding algorithm")
 * writes {@code "} as {@code %22}, CR as {@code %0D} and LF as {@code %0A} in the quoted
 * {@code filename} parameter and escapes nothing else; curl (7.81 and later) does the same.
 *
 * <p>Only those three sequences are read back, in either hex case; every other {@code %} stays as
 * sent, since browsers do not escape {@code %} itself ({@code 50%25 off.txt} is a real name). The
 * price the standard leaves: a name that itself contains the text {@code %22} comes back with a
 * {@code "} in its place. RFC 8187 {@code filename*} values are fully percent-encoded and are
 * decoded elsewhere, not here.
 */
final class FormDataEscapes {
  private static final Pattern ESCAPE = Pattern.compile("%(22|0[dD]|0[aA])");

  private FormDataEscapes() {}

  /**
   * @param filename a plain {@code filename} parameter as a browser or curl sent it
   * @return the name with {@code %22}, {@code %0D} and {@code %0A} turned back into {@code "}, CR
   *     and LF (control characters are then dropped by the domain's name cleaning)
   */
  static String unescapeFilename(String filename) {
    if (filename.indexOf('%') < 0) {
      return filename;
    }
    Matcher escape = ESCAPE.matcher(filename);
    return escape.replaceAll(match -> switch (match.group(1).toUpperCase(java.util.Locale.ROOT)) {
      case "22" -> "\"";
      case "0D" -> "\r";
      default -> "\n";
    });
  }
}
