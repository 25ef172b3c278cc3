package dev.satchel.bootstrap.security;

import dev.satchel.domain.share.ShareGrant;
import dev.satchel.domain.share.ShareGrants;
import dev.satchel.domain.share.ShareId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * Seals share grants as base64url of {@code link id (16 bytes) | expiry in epoch millis (8) |
 * HMAC-SHA256 of both (32)}. The MAC key is derived from the token signing secret with HKDF-SHA256
 * (RFC 5869) and its own {@code info}, so a grant can never pass as a token or the other way round,
 * and replicas sharing {@code SECRET_KEY} accept each other's grants.
 */
public final class HmacShareGrants implements ShareGrants {
  private static final byte[] INFO = "satchel share-grant v1".getBytes(StandardCharsets.US_ASCII);
  private static final int PAYLOAD_BYTES = 16 + 8;
  private static final int MAC_BYTES = 32;
  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;

  public HmacShareGrants(SecretKey signingSecret) {
    HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
    hkdf.init(new HKDFParameters(signingSecret.getEncoded(), null, INFO));
    byte[] derived = new byte[32];
    hkdf.generateBytes(derived, 0, derived.length);
    this.key = new SecretKeySpec(derived, ALGORITHM);
  }

  @Override
  public String seal(ShareGrant grant) {
    UUID link = grant.link().value();
    ByteBuffer sealed = ByteBuffer.allocate(PAYLOAD_BYTES + MAC_BYTES)
        .putLong(link.getMostSignificantBits())
        .putLong(link.getLeastSignificantBits())
        .putLong(grant.expiresAt().toEpochMilli());
    sealed.put(mac(Arrays.copyOf(sealed.array(), PAYLOAD_BYTES)));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(sealed.array());
  }

  @Override
  public Optional<ShareGrant> open(String sealed) {
    // Base64 of 56 bytes is 75 characters; anything else cannot be a grant and is not decoded.
    if (sealed == null || sealed.length() != 75) {
      return Optional.empty();
    }
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(sealed);
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
    byte[] payload = Arrays.copyOf(bytes, PAYLOAD_BYTES);
    byte[] tag = Arrays.copyOfRange(bytes, PAYLOAD_BYTES, bytes.length);
    if (!MessageDigest.isEqual(mac(payload), tag)) {
      return Optional.empty();
    }
    ByteBuffer fields = ByteBuffer.wrap(payload);
    ShareId link = new ShareId(new UUID(fields.getLong(), fields.getLong()));
    return Optional.of(new ShareGrant(link, Instant.ofEpochMilli(fields.getLong())));
  }

  private byte[] mac(byte[] payload) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM); // not thread-safe, and cheap to create
      mac.init(key);
      return mac.doFinal(payload);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JVM has HmacSHA256", e);
    }
  }
}
