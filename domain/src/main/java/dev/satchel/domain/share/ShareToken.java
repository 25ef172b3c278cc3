package dev.satchel.domain.share;

import dev.satchel.domain.text.Sha256;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret part of a public link: 256 bits from a CSPRNG, base64url. It is shown to the owner
 * once; only its {@link #hash()} is stored, so a database leak reveals no working link.
 */
public record ShareToken(String value) {
  private static final int RANDOM_BYTES = 32;

  public ShareToken {
    if (value == null || value.isEmpty() || value.length() > 128) {
      throw new IllegalArgumentException("not a share token");
    }
  }

  public static ShareToken random(SecureRandom random) {
    byte[] bytes = new byte[RANDOM_BYTES];
    random.nextBytes(bytes);
    return new ShareToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  public ShareTokenHash hash() {
    return new ShareTokenHash(Sha256.hex(value));
  }

  @Override
  public String toString() {
    return "ShareToken[***]";
  }
}
