package dev.satchel.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.satchel.domain.error.InvalidInput;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class WebhookSecretTest {
  @Test
  void aSecretIsWhsecAndBase64OfThirtyTwoRandomBytes() {
    WebhookSecret secret = WebhookSecret.random(new SecureRandom());
    assertThat(secret.printed()).matches("whsec_[A-Za-z0-9+/]{43}=");
    assertThat(Base64.getDecoder().decode(secret.printed().substring(6))).isEqualTo(secret.bytes()).hasSize(32);
    assertThat(WebhookSecret.parse(secret.printed())).isEqualTo(secret);
    assertThat(WebhookSecret.random(new SecureRandom())).isNotEqualTo(secret);
  }

  @Test
  void theKeyNeverReachesToString() {
    WebhookSecret secret = WebhookSecret.random(new SecureRandom());
    assertThat(secret.toString()).doesNotContain(secret.printed().substring(6, 16));
  }

  @Test
  void malformedPrintedSecretsAreRefused() {
    for (String bad : new String[] {"", "whsec_", "whsec_!!!", "sk_abc", "whsec_" + Base64.getEncoder().encodeToString(new byte[8])}) {
      assertThatThrownBy(() -> WebhookSecret.parse(bad)).isInstanceOfAny(InvalidInput.class, IllegalArgumentException.class);
    }
  }
}
