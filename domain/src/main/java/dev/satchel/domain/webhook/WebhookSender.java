package dev.satchel.domain.webhook;

import java.time.Instant;

/**
 * Out-port: POSTs one delivery to its receiver, signed for {@code timestamp} as the Standard
 * Webhooks specification says, after checking again that the destination is allowed. Never throws
 * for a receiver's failure: every outcome is a {@link SendResult}.
 */
public interface WebhookSender {
  SendResult send(PendingDelivery delivery, Instant timestamp);
}
