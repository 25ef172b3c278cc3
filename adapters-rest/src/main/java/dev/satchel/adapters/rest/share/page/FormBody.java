package dev.satchel.adapters.rest.share.page;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads one field of an {@code application/x-www-form-urlencoded} body (WHATWG URL Standard §5.1:
 * {@code name=value} pairs joined by {@code &}, {@code +} for space, {@code %XX} UTF-8 bytes). Done
 * here rather than by Quarkus REST, whose decoder throws on a stray {@code %} and so turned a typed
 * password into a 500 with the password in the log.
 */
final class FormBody {
  private FormBody() {}

  /**
   * The first value of {@code name} in {@code body} ({@code null} body: none).
   *
   * @throws MalformedForm when a name or value holds a {@code %} not followed by two hex digits
   */
  static Optional<String> field(String body, String name) {
    if (body == null || body.isEmpty()) {
      return Optional.empty();
    }
    for (String pair : body.split("&", -1)) {
      int equals = pair.indexOf('=');
      String key = decode(equals < 0 ? pair : pair.substring(0, equals));
      if (key.equals(name)) {
        return Optional.of(equals < 0 ? "" : decode(pair.substring(equals + 1)));
      }
    }
    return Optional.empty();
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new MalformedForm();
    }
  }

  /** A body that is not form-urlencoded; carries no text of it, which may be a password. */
  static final class MalformedForm extends RuntimeException {
    MalformedForm() {
      super("malformed application/x-www-form-urlencoded body", null, false, false);
    }
  }
}
