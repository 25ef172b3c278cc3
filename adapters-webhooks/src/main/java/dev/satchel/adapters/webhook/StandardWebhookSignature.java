package dev.satchel.adapters.webhook;

import dev.satchel.domain.webhook.WebhookSecret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The symmetric signature of the Standard Webhooks specification 1.0.0 ("Signature scheme"):
 * {@code v1,} + base64(HMAC-SHA256(secret bytes, "{msg_id}.{timestamp}.{payload}")), where the
 * key is the secret's decoded bytes, not its printed {@code whsec_} text.
 */
final class StandardWebhookSignature {
  private StandardWebhookSignature() {}

  /**
   * @param messageId the {@code webhook-id} header (the event id: no {@code .} inside)
   * @param timestamp the {@code webhook-timestamp} header, Unix seconds
   * @param body the exact bytes sent as the request body
   * @return the {@code webhook-signature} header value
   */
  static String sign(WebhookSecret secret, String messageId, long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.bytes(), "HmacSHA256"));
      mac.update((messageId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
    }
  }
}
