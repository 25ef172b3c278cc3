package dev.satchel.domain.webhook;

import java.time.Instant;

/**
 * Out-port: POSTs one delivery to its receiver, signed for {@code timestamp} as the Standard
 * Webhooks specification says, after checking again that the destination is allowed. Never throws
 * for a receiver's failure: every outcome is a {@link SendResult}; it throws only when the calling
 * thread is interrupted (shutdown), so that the attempt is rolled back, not counted.
 */
public interface WebhookSender {
  SendResult send(PendingDelivery delivery, Instant timestamp);
}
