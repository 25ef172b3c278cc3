package dev.satchel.domain.share;

import java.util.regex.Pattern;

/** SHA-256 of a share token, hex: what the database stores and looks links up by. */
public record ShareTokenHash(String hex) {
  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

  public ShareTokenHash {
    if (hex == null || !HEX64.matcher(hex).matches()) {
      throw new IllegalArgumentException("not a token hash");
    }
  }
}
