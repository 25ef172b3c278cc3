package dev.satchel.adapters.persistence.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of the webhook_deliveries queue: one event for one webhook. */
@Entity
@Table(name = "webhook_deliveries")
public class DeliveryEntity extends PanacheEntityBase {
  @Id public UUID id;

  @Column(name = "webhook_id", nullable = false)
  public UUID webhookId;

  @Column(name = "event_id", nullable = false)
  public UUID eventId;

  @Column(name = "event_type", nullable = false)
  public String eventType;

  @Column(nullable = false)
  public String payload;

  /** {@code pending}, {@code delivered} or {@code failed}. */
  @Column(nullable = false)
  public String state;

  @Column(nullable = false)
  public int attempts;

  @Column(name = "queued_at", nullable = false)
  public Instant queuedAt;

  @Column(name = "next_attempt_at")
  public Instant nextAttemptAt;

  /** The claim of the attempt in flight, if any. */
  @Column(name = "claim_token")
  public UUID claimToken;
}
