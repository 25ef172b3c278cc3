package dev.satchel.adapters.persistence.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of the webhook_attempts log. */
@Entity
@Table(name = "webhook_attempts")
public class AttemptEntity extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "delivery_id", nullable = false)
  public UUID deliveryId;

  @Column(name = "webhook_id", nullable = false)
  public UUID webhookId;

  @Column(name = "event_id", nullable = false)
  public UUID eventId;

  @Column(name = "event_type", nullable = false)
  public String eventType;

  @Column(nullable = false)
  public int attempt;

  @Column(name = "status_code")
  public Integer statusCode;

  public String failure;

  @Column(name = "response_prefix")
  public String responsePrefix;

  /** {@code delivered}, {@code retrying} or {@code failed}. */
  @Column(nullable = false)
  public String state;

  @Column(name = "attempted_at", nullable = false)
  public Instant attemptedAt;

  @Column(name = "next_attempt_at")
  public Instant nextAttemptAt;
}
