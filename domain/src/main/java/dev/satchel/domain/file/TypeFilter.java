package dev.satchel.domain.file;

import dev.satchel.domain.error.InvalidInput;
import java.util.Locale;
import java.util.regex.Pattern;

/** The {@code type} search filter: a file extension, an exact MIME type or a MIME family. */
public sealed interface TypeFilter {

  /** Files whose name ends in {@code .extension} (lower case, no dot). */
  record Extension(String extension) implements TypeFilter {}

  /** Files whose detected type is exactly this one. */
  record Exact(MediaType mediaType) implements TypeFilter {}

  /** Files whose detected type is {@code family/*}. */
  record Family(String family) implements TypeFilter {}

  Pattern EXTENSION = Pattern.compile("[a-z0-9][a-z0-9_+-]{0,31}");

  static TypeFilter parse(String raw) {
    String value = raw.strip().toLowerCase(Locale.ROOT);
    if (value.startsWith(".")) {
      value = value.substring(1);
    }
    if (value.endsWith("/*")) {
      String family = value.substring(0, value.length() - 2);
      new MediaType(family + "/x"); // validates the family token
      return new Family(family);
    }
    if (value.contains("/")) {
      return new Exact(new MediaType(value));
    }
    if (!EXTENSION.matcher(value).matches()) {
      throw new InvalidInput("type", "type must be an extension, a MIME type or a MIME family like image/*.");
    }
    return new Extension(value);
  }
}
