package dev.satchel.adapters.rest.file;

import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Parameters of a header value such as {@code form-data; name="file"; filename="a.txt"}: quoted
 * strings with backslash escapes, and RFC 8187 extended values ({@code filename*=UTF-8''...}).
 */
final class HeaderParameters {
  private final Map<String, String> values = new HashMap<>();

  private HeaderParameters() {}

  /**
   * Parses the parameters after the first {@code ;} (RFC 9110 §5.6.6, RFC 6266 §4.1): optional
   * whitespace (spaces and tabs) around names, {@code =} and values; quoted values kept as sent, token values trimmed;
   * parameters without a value ({@code foo}, {@code bar=}) are skipped or empty and never shift the
   * ones after them. The first occurrence of a name wins; names are case-insensitive.
   */
  static HeaderParameters parse(String headerValue) {
    HeaderParameters parameters = new HeaderParameters();
    String text = headerValue == null ? "" : headerValue;
    int i = text.indexOf(';');
    if (i < 0) {
      return parameters;
    }
    while (i < text.length()) {
      i = skipWhitespaceAndSemicolons(text, i);
      int nameEnd = i;
      while (nameEnd < text.length() && text.charAt(nameEnd) != '=' && text.charAt(nameEnd) != ';') {
        nameEnd++;
      }
      String name = text.substring(i, nameEnd).strip().toLowerCase(Locale.ROOT);
      if (nameEnd >= text.length() || text.charAt(nameEnd) == ';') {
        i = nameEnd; // a parameter without a value carries nothing
        continue;
      }
      int j = skipWhitespace(text, nameEnd + 1);
      StringBuilder value = new StringBuilder();
      if (j < text.length() && text.charAt(j) == '"') {
        j = readQuoted(text, j + 1, value);
        int semicolon = text.indexOf(';', j);
        j = semicolon < 0 ? text.length() : semicolon; // anything after the closing quote is noise
      } else {
        int semicolon = text.indexOf(';', j);
        int valueEnd = semicolon < 0 ? text.length() : semicolon;
        value.append(text, j, valueEnd);
        j = valueEnd;
        if (!name.endsWith("*")) {
          value = new StringBuilder(value.toString().strip());
        }
      }
      if (!name.isEmpty()) {
        parameters.values.putIfAbsent(name, value.toString()); // quoted text is kept as sent
      }
      i = j;
    }
    return parameters;
  }

  // Browsers do not escape backslashes in filenames (C:\path); only \" and \\ are escapes.
  private static int readQuoted(String text, int from, StringBuilder value) {
    int j = from;
    while (j < text.length() && text.charAt(j) != '"') {
      char c = text.charAt(j);
      if (c == '\\' && j + 1 < text.length() && (text.charAt(j + 1) == '"' || text.charAt(j + 1) == '\\')) {
        j++;
        c = text.charAt(j);
      }
      value.append(c);
      j++;
    }
    return Math.min(j + 1, text.length());
  }

  private static int skipWhitespace(String text, int from) {
    int j = from;
    while (j < text.length() && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
      j++;
    }
    return j;
  }

  private static int skipWhitespaceAndSemicolons(String text, int from) {
    int j = from;
    while (j < text.length() && (text.charAt(j) == ' ' || text.charAt(j) == '\t' || text.charAt(j) == ';')) {
      j++;
    }
    return j;
  }

  Optional<String> get(String name) {
    return Optional.ofNullable(values.get(name));
  }

  /** The RFC 8187 form {@code name*} when present and decodable, else the plain {@code name}. */
  Optional<String> getExtended(String name) {
    return getExtended(name, UnaryOperator.identity());
  }

  /**
   * The RFC 8187 form {@code name*} when present and decodable, else the plain {@code name} passed
   * through {@code plainDecoding} (the escapes of the form the plain value came in).
   */
  Optional<String> getExtended(String name, UnaryOperator<String> plainDecoding) {
    return get(name + "*").flatMap(HeaderParameters::decodeExtended).or(() -> get(name).map(plainDecoding));
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
