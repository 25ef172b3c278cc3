package dev.satchel.domain.text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 (FIPS 180-4) of a secret's text, for storing secrets only as their hashes. */
public final class Sha256 {
  // Provider lookup in MessageDigest.getInstance costs more than hashing a short secret; a clone
  // of one initialised digest skips it (every public link download hashes its token).
  private static final MessageDigest PROTOTYPE = newDigest();
  private static final HexFormat HEX = HexFormat.of();

  private Sha256() {}

  /** The digest of the text's UTF-8 bytes, as 64 lower-case hex digits. */
  public static String hex(String text) {
    return HEX.formatHex(freshDigest().digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static MessageDigest freshDigest() {
    try {
      return (MessageDigest) PROTOTYPE.clone();
    } catch (CloneNotSupportedException e) {
      return newDigest();
    }
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
