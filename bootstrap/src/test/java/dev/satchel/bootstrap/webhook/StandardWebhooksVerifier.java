package dev.satchel.bootstrap.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A receiver's verification of the Standard Webhooks symmetric scheme, written from the
 * specification (spec/standard-webhooks.md, "Signature scheme", "Verifying signatures") and sharing
 * no code with Satchel: decode the {@code whsec_} secret, HMAC-SHA256 "{id}.{timestamp}.{body}",
 * compare in constant time with each {@code v1,} entry of the space-separated header, and refuse
 * timestamps outside the tolerance.
 */
final class StandardWebhooksVerifier {
  private StandardWebhooksVerifier() {}

  static boolean verify(String printedSecret, Map<String, String> headers, String body, Instant now,
      Duration tolerance) {
    try {
      if (!printedSecret.startsWith("whsec_")) {
        return false;
      }
      byte[] key = Base64.getDecoder().decode(printedSecret.substring("whsec_".length()));
      String id = headers.get("webhook-id");
      long timestamp = Long.parseLong(headers.get("webhook-timestamp"));
      if (Math.abs(now.getEpochSecond() - timestamp) > tolerance.toSeconds()) {
        return false;
      }
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      for (String entry : headers.get("webhook-signature").split(" ")) {
        int comma = entry.indexOf(',');
        if (comma > 0 && entry.substring(0, comma).equals("v1")
            && MessageDigest.isEqual(expected, Base64.getDecoder().decode(entry.substring(comma + 1)))) {
          return true;
        }
      }
      return false;
    } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
      return false;
    }
  }
}
