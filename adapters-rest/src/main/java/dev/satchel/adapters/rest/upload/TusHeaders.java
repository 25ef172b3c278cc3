package dev.satchel.adapters.rest.upload;

import dev.satchel.domain.error.InvalidInput;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the tus 1.0.0 request headers strictly: anything malformed is a 400 naming the header,
 * never a guess. Upload-Length and Upload-Offset are plain non-negative decimal integers
 * (tus core §Headers); Upload-Metadata is comma-separated {@code key base64value} pairs with
 * unique keys (creation §Upload-Metadata); Upload-Checksum is {@code sha256 <base64 digest>}
 * (checksum §Upload-Checksum).
 */
final class TusHeaders {
  static final String UPLOAD_LENGTH = "Upload-Length";
  static final String UPLOAD_OFFSET = "Upload-Offset";
  static final String UPLOAD_METADATA = "Upload-Metadata";
  static final String UPLOAD_CHECKSUM = "Upload-Checksum";

  /** Longest Upload-Metadata accepted: room for a long name and a type, not for a payload. */
  static final int MAX_METADATA_CHARS = 8 * 1024;
  private static final int MAX_FILETYPE_CHARS = 255;
  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,19}");
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._~!#$&'*+^`|-]{1,64}");
  private static final int SHA256_BYTES = 32;

  private TusHeaders() {}

  static long uploadLength(String raw) {
    if (raw == null) {
      throw new InvalidInput(UPLOAD_LENGTH, "Upload-Length is required (Upload-Defer-Length is not supported).");
    }
    return nonNegative(UPLOAD_LENGTH, raw);
  }

  static long uploadOffset(String raw) {
    if (raw == null) {
      throw new InvalidInput(UPLOAD_OFFSET, "Upload-Offset is required.");
    }
    return nonNegative(UPLOAD_OFFSET, raw);
  }

  private static long nonNegative(String header, String raw) {
    if (!DIGITS.matcher(raw).matches()) {
      throw new InvalidInput(header, header + " must be a non-negative decimal integer.");
    }
    try {
      return Long.parseLong(raw);
    } catch (NumberFormatException e) {
      throw new InvalidInput(header, header + " is too large.");
    }
  }

  /** The pairs of Upload-Metadata, values decoded as UTF-8 text; empty when absent. */
  static Map<String, String> metadata(String raw) {
    Map<String, String> pairs = new LinkedHashMap<>();
    if (raw == null || raw.isBlank()) {
      return pairs;
    }
    if (raw.length() > MAX_METADATA_CHARS) {
      throw invalidMetadata("is longer than " + MAX_METADATA_CHARS + " characters");
    }
    for (String pair : raw.split(",", -1)) {
      String[] parts = pair.strip().split(" ", -1);
      if (parts.length > 2 || !KEY.matcher(parts[0]).matches()) {
        throw invalidMetadata("must be comma-separated pairs of a key and a base64 value");
      }
      String value = parts.length == 2 ? text(parts[1]) : "";
      if (pairs.putIfAbsent(parts[0], value) != null) {
        throw invalidMetadata("repeats the key " + parts[0]);
      }
    }
    return pairs;
  }

  /**
   * The declared media type of an upload ({@code filetype} metadata), at most 255 printable ASCII
   * characters (RFC 6838 §4.2 names are shorter still); empty when absent or blank.
   *
   * @throws InvalidInput naming Upload-Metadata otherwise: a NUL or an overlong value used to
   *     reach the database and end in a 500
   */
  static Optional<String> filetype(Optional<String> declared) {
    Optional<String> type = declared.map(String::strip).filter(value -> !value.isEmpty());
    if (type.isPresent() && (type.get().length() > MAX_FILETYPE_CHARS
        || !type.get().chars().allMatch(c -> c >= 0x20 && c < 0x7f))) {
      throw invalidMetadata("has a filetype that is not a media type (printable ASCII, at most "
          + MAX_FILETYPE_CHARS + " characters)");
    }
    return type;
  }

  private static String text(String base64) {
    try {
      byte[] bytes = Base64.getDecoder().decode(base64);
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (IllegalArgumentException | CharacterCodingException e) {
      throw invalidMetadata("holds a value that is not base64 of UTF-8 text");
    }
  }

  private static InvalidInput invalidMetadata(String reason) {
    return new InvalidInput(UPLOAD_METADATA, "Upload-Metadata " + reason + ".");
  }

  /** The SHA-256 digest an Upload-Checksum announces; empty when absent. */
  static Optional<byte[]> sha256(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String[] parts = raw.strip().split(" ", -1);
    if (parts.length != 2) {
      throw new InvalidInput(UPLOAD_CHECKSUM, "Upload-Checksum must be '<algorithm> <base64 digest>'.");
    }
    if (!parts[0].equals("sha256")) {
      throw new InvalidInput(UPLOAD_CHECKSUM, "Upload-Checksum supports only sha256.");
    }
    try {
      byte[] digest = Base64.getDecoder().decode(parts[1]);
      if (digest.length == SHA256_BYTES) {
        return Optional.of(digest);
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new InvalidInput(UPLOAD_CHECKSUM, "Upload-Checksum must carry the 32-byte SHA-256 digest in base64.");
  }

  /** Upload-Metadata for the given pairs, as a HEAD echoes it. */
  static String encodeMetadata(Map<String, String> pairs) {
    StringBuilder text = new StringBuilder();
    pairs.forEach((key, value) -> {
      if (!text.isEmpty()) {
        text.append(',');
      }
      text.append(key).append(' ').append(Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
    });
    return text.toString();
  }
}
