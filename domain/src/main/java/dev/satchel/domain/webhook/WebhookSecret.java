package dev.satchel.domain.webhook;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * The signing key of one webhook: 32 random bytes, shown to its owner once as {@code whsec_} +
 * standard base64 (the Standard Webhooks secret format). The server keeps the bytes, because it
 * must sign every delivery with them.
 */
public final class WebhookSecret {
  /** Prefix of the printed form, as in the Standard Webhooks specification. */
  public static final String PREFIX = "whsec_";
  /** Length of a generated key in bytes (256 bits, the HMAC-SHA256 block-size-safe choice). */
  public static final int LENGTH = 32;

  private final byte[] key;

  private WebhookSecret(byte[] key) {
    if (key.length < 24 || key.length > 64) {
      throw new IllegalArgumentException("a webhook secret is 24 to 64 bytes");
    }
    this.key = key.clone();
  }

  public static WebhookSecret random(SecureRandom random) {
    byte[] key = new byte[LENGTH];
    random.nextBytes(key);
    return new WebhookSecret(key);
  }

  public static WebhookSecret of(byte[] key) {
    return new WebhookSecret(key);
  }

  /** A copy of the key bytes: the HMAC key (the decoded secret, not its printed text). */
  public byte[] bytes() {
    return key.clone();
  }

  /** {@code whsec_} + standard base64 with padding. */
  public String printed() {
    return PREFIX + Base64.getEncoder().encodeToString(key);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof WebhookSecret that && Arrays.equals(key, that.key);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(key);
  }

  /** Never prints the key: secrets must not reach logs. */
  @Override
  public String toString() {
    return "WebhookSecret[***]";
  }
}
