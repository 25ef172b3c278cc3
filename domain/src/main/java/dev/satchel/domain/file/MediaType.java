package dev.satchel.domain.file;

import dev.satchel.domain.error.InvalidInput;
import java.util.Locale;
import java.util.regex.Pattern;

/** A MIME type without parameters, lower-cased, e.g. {@code application/pdf}. */
public record MediaType(String value) {
  // Declared before the constants below: they are validated against it during class initialization.
  private static final Pattern TOKEN = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,126}");

  public static final MediaType OCTET_STREAM = new MediaType("application/octet-stream");

  public MediaType {
    if (value == null) {
      throw new InvalidInput("type", "media type is required.");
    }
    value = value.strip().toLowerCase(Locale.ROOT);
    int slash = value.indexOf('/');
    if (slash < 0
        || !TOKEN.matcher(value.substring(0, slash)).matches()
        || !TOKEN.matcher(value.substring(slash + 1)).matches()) {
      throw new InvalidInput("type", "'" + value + "' is not a media type.");
    }
  }

  /** Parses a header value such as {@code text/plain; charset=utf-8}, dropping parameters. */
  public static MediaType parse(String headerValue) {
    int semicolon = headerValue.indexOf(';');
    return new MediaType(semicolon < 0 ? headerValue : headerValue.substring(0, semicolon));
  }

  public String family() {
    return value.substring(0, value.indexOf('/'));
  }

  /** Types a browser would render or run; these are only ever served as attachments. */
  public boolean isActiveContent() {
    return value.equals("text/html")
        || value.equals("application/xhtml+xml")
        || value.equals("image/svg+xml")
        || value.contains("javascript")
        || value.equals("text/xml")
        || value.equals("application/xml");
  }

  @Override
  public String toString() {
    return value;
  }
}
