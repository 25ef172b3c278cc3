package dev.satchel.domain.file;

import java.util.HexFormat;
import java.util.regex.Pattern;

/** A SHA-256 digest as 64 lower-case hex digits. */
public record Sha256Checksum(String hex) {
  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

  public Sha256Checksum {
    if (hex == null || !HEX64.matcher(hex).matches()) {
      throw new IllegalArgumentException("not a SHA-256 hex digest");
    }
  }

  public static Sha256Checksum of(byte[] digest) {
    return new Sha256Checksum(HexFormat.of().formatHex(digest));
  }
}
