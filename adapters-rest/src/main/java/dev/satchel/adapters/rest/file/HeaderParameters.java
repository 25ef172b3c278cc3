package dev.satchel.adapters.rest.file;

import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Parameters of a header value such as {@code form-data; name="file"; filename="a.txt"}: quoted
 * strings with backslash escapes, and RFC 8187 extended values ({@code filename*=UTF-8''...}).
 */
final class HeaderParameters {
  private final Map<String, String> values = new HashMap<>();

  private HeaderParameters() {}

  static HeaderParameters parse(String headerValue) {
    HeaderParameters parameters = new HeaderParameters();
    String text = headerValue == null ? "" : headerValue;
    int i = text.indexOf(';');
    while (i >= 0 && i < text.length()) {
      int eq = text.indexOf('=', i + 1);
      if (eq < 0) {
        break;
      }
      String name = text.substring(i + 1, eq).strip().toLowerCase(Locale.ROOT);
      int j = eq + 1;
      while (j < text.length() && text.charAt(j) == ' ') {
        j++;
      }
      StringBuilder value = new StringBuilder();
      if (j < text.length() && text.charAt(j) == '"') {
        j++;
        while (j < text.length() && text.charAt(j) != '"') {
          char c = text.charAt(j);
          // Browsers do not escape backslashes in filenames (C:\path); only \" and \\ are escapes.
          if (c == '\\' && j + 1 < text.length() && (text.charAt(j + 1) == '"' || text.charAt(j + 1) == '\\')) {
            j++;
            c = text.charAt(j);
          }
          value.append(c);
          j++;
        }
        j = text.indexOf(';', j);
      } else {
        int semicolon = text.indexOf(';', j);
        value.append(text, j, semicolon < 0 ? text.length() : semicolon);
        j = semicolon;
      }
      parameters.values.putIfAbsent(name, name.endsWith("*") ? value.toString() : value.toString().strip());
      i = j;
    }
    return parameters;
  }

  Optional<String> get(String name) {
    return Optional.ofNullable(values.get(name));
  }

  /** The RFC 8187 form {@code name*} when present and decodable, else the plain {@code name}. */
  Optional<String> getExtended(String name) {
    return get(name + "*").flatMap(HeaderParameters::decodeExtended).or(() -> get(name));
  }

  private static Optional<String> decodeExtended(String value) {
    int first = value.indexOf('\'');
    int second = first < 0 ? -1 : value.indexOf('\'', first + 1);
    if (second < 0) {
      return Optional.empty();
    }
    try {
      Charset charset = Charset.forName(value.substring(0, first).strip());
      String encoded = value.substring(second + 1).replace("+", "%2B");
      return Optional.of(URLDecoder.decode(encoded, charset));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

}
