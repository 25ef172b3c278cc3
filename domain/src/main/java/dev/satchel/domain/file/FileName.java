package dev.satchel.domain.file;

import dev.satchel.domain.error.InvalidInput;
import java.text.Normalizer;
import java.util.Locale;

/**
 * A file's display name: the client's name reduced to its last path segment, without control or
 * formatting characters, NFC-normalized and length-capped. It is metadata only and never becomes
 * a storage path.
 */
public record FileName(String value) {
  /** Longest name kept, in code points; longer names lose the middle and keep the extension. */
  public static final int MAX_LENGTH = 255;

  public FileName {
    if (value == null || value.isEmpty() || value.equals(".") || value.equals("..")) {
      throw new InvalidInput("filename", "filename is missing or unusable.");
    }
    if (!value.equals(clean(value))) {
      throw new InvalidInput("filename", "filename contains characters that are not allowed.");
    }
  }

  /** Turns what a client sent into a usable name, or fails with {@link InvalidInput}. */
  public static FileName sanitize(String raw) {
    if (raw == null) {
      throw new InvalidInput("filename", "filename is missing.");
    }
    return new FileName(clean(raw));
  }

  private static String clean(String raw) {
    String normalized = Normalizer.normalize(raw, Normalizer.Form.NFC);
    int cut = Math.max(normalized.lastIndexOf('/'), normalized.lastIndexOf('\\'));
    String segment = normalized.substring(cut + 1);
    StringBuilder kept = new StringBuilder(segment.length());
    segment.codePoints().filter(cp -> !isUnwanted(cp)).forEach(kept::appendCodePoint);
    return cap(kept.toString().strip());
  }

  // Control characters break headers and logs; format characters (bidi overrides, zero-width)
  // disguise extensions; line and paragraph separators end lines in some clients.
  private static boolean isUnwanted(int codePoint) {
    int type = Character.getType(codePoint);
    return type == Character.CONTROL
        || type == Character.FORMAT
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR
        || type == Character.UNASSIGNED
        || type == Character.SURROGATE;
  }

  private static String cap(String name) {
    int length = name.codePointCount(0, name.length());
    if (length <= MAX_LENGTH) {
      return name;
    }
    int dot = name.lastIndexOf('.');
    String extension = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
    int keep = MAX_LENGTH - extension.codePointCount(0, extension.length());
    // The cut may land on a space, and a name must not end with one.
    return (name.substring(0, name.offsetByCodePoints(0, keep)) + extension).strip();
  }

  /** The case-folded name that sorting and substring search compare. */
  public String sortKey() {
    return value.toLowerCase(Locale.ROOT);
  }

  /** The lower-case extension without its dot, or an empty string. */
  public String extension() {
    int dot = value.lastIndexOf('.');
    return dot > 0 && dot < value.length() - 1 ? value.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
  }
}
