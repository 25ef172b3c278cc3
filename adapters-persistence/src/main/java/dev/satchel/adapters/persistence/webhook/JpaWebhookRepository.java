package dev.satchel.adapters.persistence.webhook;

import dev.satchel.domain.user.UserId;
import dev.satchel.domain.webhook.EventFilter;
import dev.satchel.domain.webhook.Webhook;
import dev.satchel.domain.webhook.WebhookId;
import dev.satchel.domain.webhook.WebhookRepository;
import dev.satchel.domain.webhook.WebhookSecret;
import dev.satchel.domain.webhook.WebhookUrl;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** PostgreSQL-backed {@link WebhookRepository}; callers provide the transaction. */
@ApplicationScoped
public class JpaWebhookRepository implements WebhookRepository, PanacheRepositoryBase<WebhookEntity, UUID> {

  @Override
  public void add(Webhook webhook) {
    WebhookEntity entity = new WebhookEntity();
    entity.id = webhook.id().value();
    entity.ownerId = webhook.owner().value();
    entity.url = webhook.url().value();
    entity.eventTypes = String.join(",", webhook.events().types());
    entity.secret = webhook.secret().bytes();
    entity.createdAt = webhook.createdAt();
    persistAndFlush(entity);
  }

  @Override
  public List<Webhook> listOwned(UserId owner) {
    return list("ownerId = ?1 order by createdAt, id", owner.value()).stream()
        .map(JpaWebhookRepository::toDomain)
        .toList();
  }

  @Override
  public Optional<Webhook> findOwned(WebhookId id, UserId owner) {
    return find("id = ?1 and ownerId = ?2", id.value(), owner.value())
        .firstResultOptional()
        .map(JpaWebhookRepository::toDomain);
  }

  @Override
  public boolean anyExists() {
    return !getEntityManager().createNativeQuery("SELECT 1 FROM webhooks LIMIT 1").getResultList().isEmpty();
  }

  @Override
  public boolean delete(WebhookId id, UserId owner) {
    // The queue and the log go with it (ON DELETE CASCADE); a delivery in flight holds its row
    // lock, so this waits for that attempt to be recorded, at most the sender's timeout.
    return delete("id = ?1 and ownerId = ?2", id.value(), owner.value()) == 1;
  }

  static Webhook toDomain(WebhookEntity e) {
    return new Webhook(new WebhookId(e.id), new UserId(e.ownerId), new WebhookUrl(e.url), filter(e.eventTypes),
        WebhookSecret.of(e.secret), e.createdAt);
  }

  private static EventFilter filter(String eventTypes) {
    return eventTypes.isEmpty() ? EventFilter.all() : EventFilter.of(Arrays.asList(eventTypes.split(",")));
  }
}
