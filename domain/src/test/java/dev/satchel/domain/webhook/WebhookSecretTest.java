package dev.satchel.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class WebhookSecretTest {
  @Test
  void aSecretIsWhsecAndBase64OfThirtyTwoRandomBytes() {
    WebhookSecret secret = WebhookSecret.random(new SecureRandom());
    assertThat(secret.printed()).matches("whsec_[A-Za-z0-9+/]{43}=");
    byte[] decoded = Base64.getDecoder().decode(secret.printed().substring(6));
    assertThat(decoded).isEqualTo(secret.bytes()).hasSize(32);
    assertThat(WebhookSecret.of(decoded)).isEqualTo(secret);
    assertThat(WebhookSecret.random(new SecureRandom())).isNotEqualTo(secret);
  }

  @Test
  void theKeyNeverReachesToString() {
    WebhookSecret secret = WebhookSecret.random(new SecureRandom());
    assertThat(secret.toString()).doesNotContain(secret.printed().substring(6, 16));
  }

  @Test
  void keysOutsideTheStandardWebhooksBoundsAreRefused() {
    // Standard Webhooks: at least 24 bytes; 64 is Satchel's storage bound
    for (int length : new int[] {0, 8, 23, 65}) {
      assertThatThrownBy(() -> WebhookSecret.of(new byte[length])).isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(WebhookSecret.of(new byte[24]).bytes()).hasSize(24);
  }

  @Test
  void theKeyCannotBeChangedFromOutside() {
    byte[] key = new byte[32];
    WebhookSecret secret = WebhookSecret.of(key);
    key[0] = 1;
    secret.bytes()[1] = 1;
    assertThat(secret.bytes()).containsOnly(0);
  }
}
