package dev.satchel.adapters.persistence.webhook;

import dev.satchel.domain.event.Event;
import dev.satchel.domain.event.OutboxPosition;
import dev.satchel.domain.webhook.DeliveryAttempt;
import dev.satchel.domain.webhook.DeliveryState;
import dev.satchel.domain.webhook.PendingDelivery;
import dev.satchel.domain.webhook.SendResult;
import dev.satchel.domain.webhook.WebhookDeliveries;
import dev.satchel.domain.webhook.WebhookId;
import dev.satchel.domain.webhook.WebhookSecret;
import dev.satchel.domain.webhook.WebhookUrl;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * PostgreSQL-backed {@link WebhookDeliveries}: rows are claimed with
 * {@code SELECT ... FOR UPDATE SKIP LOCKED} and leased in the same statement's transaction, so
 * every replica's workers share the queue; a claim token guards the attempt's record. Callers
 * provide the transactions.
 */
@ApplicationScoped
public class JpaWebhookDeliveries implements WebhookDeliveries {
  /** Longest failure text kept, in characters (the column's width). */
  static final int FAILURE_LENGTH = 200;

  private final EntityManager em;

  public JpaWebhookDeliveries(EntityManager em) {
    this.em = em;
  }

  @Override
  public int enqueue(Event event, String payload, Instant dueAt) {
    return em.createNativeQuery("INSERT INTO webhook_deliveries"
            + " (id, webhook_id, event_id, event_type, payload, state, attempts, queued_at, next_attempt_at)"
            + " SELECT gen_random_uuid(), w.id, :event, :type, :payload, 'pending', 0, :due, :due FROM webhooks w"
            + " WHERE w.owner_id = :owner AND w.created_at <= :occurred"
            + " AND (w.event_types = '' OR CAST(:type AS varchar) = ANY (string_to_array(w.event_types, ',')))"
            + " ON CONFLICT (webhook_id, event_id) DO NOTHING")
        .setParameter("event", event.id().value())
        .setParameter("type", event.type().wireName())
        .setParameter("payload", payload)
        .setParameter("due", dueAt)
        .setParameter("owner", event.owner().value())
        .setParameter("occurred", event.occurredAt())
        .executeUpdate();
  }

  @Override
  public Optional<OutboxPosition> lockOutboxCursor() {
    @SuppressWarnings("unchecked")
    List<Object[]> row = em.createNativeQuery("SELECT transaction_id, sequence FROM webhook_outbox_cursor"
            + " WHERE id = 1 FOR UPDATE SKIP LOCKED")
        .getResultList();
    return row.stream().findFirst()
        .map(r -> new OutboxPosition(((Number) r[0]).longValue(), ((Number) r[1]).longValue()));
  }

  @Override
  public void holdOutboxCursor() {
    em.createNativeQuery("SELECT 1 FROM webhook_outbox_cursor WHERE id = 1 FOR UPDATE").getResultList();
  }

  @Override
  public void moveOutboxCursor(OutboxPosition position) {
    em.createNativeQuery("UPDATE webhook_outbox_cursor SET transaction_id = :tx, sequence = :seq WHERE id = 1")
        .setParameter("tx", position.transaction())
        .setParameter("seq", position.sequence())
        .executeUpdate();
  }

  @Override
  public Optional<PendingDelivery> claimDue(Instant now, Instant leaseUntil) {
    @SuppressWarnings("unchecked")
    List<DeliveryEntity> due = em.createNativeQuery("SELECT * FROM webhook_deliveries"
            + " WHERE state = 'pending' AND next_attempt_at <= :now"
            + " ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED", DeliveryEntity.class)
        .setParameter("now", now)
        .getResultList();
    if (due.isEmpty()) {
      return Optional.empty();
    }
    DeliveryEntity d = due.getFirst();
    d.claimToken = UUID.randomUUID();
    d.nextAttemptAt = leaseUntil;
    em.flush();
    WebhookEntity w = em.find(WebhookEntity.class, d.webhookId);
    return Optional.of(new PendingDelivery(d.id, new WebhookId(d.webhookId), new WebhookUrl(w.url),
        WebhookSecret.of(w.secret), d.eventId, d.eventType, d.payload, d.attempts, d.queuedAt, d.claimToken));
  }

  @Override
  public boolean recordAttempt(PendingDelivery delivery, SendResult result, Instant attemptedAt, DeliveryState state,
      Optional<Instant> nextAttemptAt) {
    DeliveryEntity d = em.find(DeliveryEntity.class, delivery.id(), LockModeType.PESSIMISTIC_WRITE);
    if (d == null || !delivery.claim().equals(d.claimToken)) {
      return false;
    }
    d.attempts = delivery.nextAttempt();
    d.state = state == DeliveryState.RETRYING ? "pending" : name(state);
    d.nextAttemptAt = nextAttemptAt.orElse(null);
    d.claimToken = null;
    AttemptEntity a = new AttemptEntity();
    a.deliveryId = delivery.id();
    a.webhookId = delivery.webhookId().value();
    a.eventId = delivery.eventId();
    a.eventType = delivery.eventType();
    a.attempt = delivery.nextAttempt();
    a.statusCode = result.statusCode().isPresent() ? result.statusCode().getAsInt() : null;
    a.failure = result.failure().map(JpaWebhookDeliveries::clip).orElse(null);
    a.responsePrefix = result.bodyPrefix().isEmpty() ? null : result.bodyPrefix();
    a.state = name(state);
    a.attemptedAt = attemptedAt;
    a.nextAttemptAt = nextAttemptAt.orElse(null);
    em.persist(a);
    em.flush();
    return true;
  }

  @Override
  public int purgeFinishedBefore(Instant cutoff) {
    return em.createNativeQuery("DELETE FROM webhook_deliveries WHERE state <> 'pending' AND queued_at < :cutoff")
        .setParameter("cutoff", cutoff)
        .executeUpdate();
  }

  @Override
  public List<DeliveryAttempt> latestAttempts(WebhookId webhook, int limit) {
    return em.createQuery("from AttemptEntity where webhookId = :webhook order by attemptedAt desc, id desc",
            AttemptEntity.class)
        .setParameter("webhook", webhook.value())
        .setMaxResults(limit)
        .getResultStream()
        .map(JpaWebhookDeliveries::toDomain)
        .toList();
  }

  private static DeliveryAttempt toDomain(AttemptEntity a) {
    DeliveryState state = DeliveryState.valueOf(a.state.toUpperCase(Locale.ROOT));
    return new DeliveryAttempt(a.eventId, a.eventType, a.attempt,
        a.statusCode == null ? OptionalInt.empty() : OptionalInt.of(a.statusCode),
        a.attemptedAt,
        state == DeliveryState.DELIVERED ? Optional.of(a.attemptedAt) : Optional.empty(),
        Optional.ofNullable(a.nextAttemptAt), state, Optional.ofNullable(a.failure));
  }

  private static String name(DeliveryState state) {
    return state.name().toLowerCase(Locale.ROOT);
  }

  private static String clip(String text) {
    return text.length() <= FAILURE_LENGTH ? text : text.substring(0, FAILURE_LENGTH);
  }
}
