package dev.satchel.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.satchel.domain.share.ShareGrant;
import dev.satchel.domain.share.ShareId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class HmacShareGrantsTest {
  private static final ShareGrant GRANT =
      new ShareGrant(new ShareId(UUID.fromString("0192f3a4-5b6c-7d8e-9f00-112233445566")),
          Instant.parse("2026-11-29T12:15:00.123Z"));

  private final HmacShareGrants grants = new HmacShareGrants(key("a signing secret of at least 32 bytes!!"));

  @Test
  void aSealedGrantOpensToItself() {
    String sealed = grants.seal(GRANT);

    assertThat(sealed).matches("[A-Za-z0-9_-]{75}");
    assertThat(grants.open(sealed)).contains(GRANT);
  }

  @Test
  void everyFlippedBitIsRefused() {
    byte[] sealed = Base64.getUrlDecoder().decode(grants.seal(GRANT));
    for (int bit = 0; bit < sealed.length * 8; bit++) {
      byte[] tampered = sealed.clone();
      tampered[bit / 8] ^= (byte) (1 << (bit % 8));

      assertThat(grants.open(Base64.getUrlEncoder().withoutPadding().encodeToString(tampered)))
          .as("bit %d flipped", bit).isEmpty();
    }
  }

  @Test
  void aGrantSealedWithAnotherSecretIsRefused() {
    HmacShareGrants otherDeployment = new HmacShareGrants(key("another signing secret, 32 bytes or more"));

    assertThat(grants.open(otherDeployment.seal(GRANT))).isEmpty();
  }

  @Test
  void theKeyIsNotTheTokenSecretItself() throws Exception {
    // A MAC under the raw secret must not verify: grants and access tokens use separated keys.
    byte[] secret = "a signing secret of at least 32 bytes!!".getBytes(StandardCharsets.UTF_8);
    byte[] payload = Arrays.copyOf(Base64.getUrlDecoder().decode(grants.seal(GRANT)), 24);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret, "HmacSHA256"));
    byte[] forged = ByteBuffer.allocate(56).put(payload).put(mac.doFinal(payload)).array();

    assertThat(grants.open(Base64.getUrlEncoder().withoutPadding().encodeToString(forged))).isEmpty();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"x", "not base64 at all but exactly seventy-five characters long, see? .........",
      "===========================================================================",
      "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
      "%3Cimg%20src%3Dx%3E", "\u0000\u0001\u0002", "🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂"})
  void garbageIsRefusedWithoutAnError(String garbage) {
    assertThat(grants.open(garbage)).isEmpty();
  }

  private static SecretKeySpec key(String secret) {
    return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }
}
