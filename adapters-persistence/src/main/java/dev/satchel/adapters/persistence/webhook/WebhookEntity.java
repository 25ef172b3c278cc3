package dev.satchel.adapters.persistence.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of the webhooks table; {@code secret} is the raw HMAC key. */
@Entity
@Table(name = "webhooks")
public class WebhookEntity extends PanacheEntityBase {
  @Id public UUID id;

  @Column(name = "owner_id", nullable = false)
  public UUID ownerId;

  @Column(nullable = false, length = 2048)
  public String url;

  /** Comma-separated type names; empty for every type. */
  @Column(name = "event_types", nullable = false, length = 1024)
  public String eventTypes;

  @Column(nullable = false)
  public byte[] secret;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;
}
