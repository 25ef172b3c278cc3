package dev.satchel.application.webhook;

import dev.satchel.domain.webhook.DeliveryState;
import java.util.Optional;

/** In-port: makes one due delivery attempt, if any is due and not held by another worker. */
public interface DeliverWebhooksUseCase {
  /** @return the state the attempted delivery is left in; empty when nothing was due */
  Optional<DeliveryState> deliverNext();
}
