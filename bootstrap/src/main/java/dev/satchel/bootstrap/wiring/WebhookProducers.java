package dev.satchel.bootstrap.wiring;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.satchel.adapters.rest.event.EventJson;
import dev.satchel.adapters.webhook.PublicDestinationGuard;
import dev.satchel.adapters.webhook.VertxWebhookSender;
import dev.satchel.application.webhook.DeleteWebhookService;
import dev.satchel.application.webhook.DeleteWebhookUseCase;
import dev.satchel.application.webhook.DeliverWebhooksService;
import dev.satchel.application.webhook.DeliverWebhooksUseCase;
import dev.satchel.application.webhook.FanOutWebhookEventsService;
import dev.satchel.application.webhook.FanOutWebhookEventsUseCase;
import dev.satchel.application.webhook.ListWebhookDeliveriesService;
import dev.satchel.application.webhook.ListWebhookDeliveriesUseCase;
import dev.satchel.application.webhook.ListWebhooksService;
import dev.satchel.application.webhook.ListWebhooksUseCase;
import dev.satchel.application.webhook.PurgeWebhookDeliveriesService;
import dev.satchel.application.webhook.PurgeWebhookDeliveriesUseCase;
import dev.satchel.application.webhook.RegisterWebhookService;
import dev.satchel.application.webhook.RegisterWebhookUseCase;
import dev.satchel.application.webhook.RetrySchedule;
import dev.satchel.bootstrap.config.SatchelConfig;
import dev.satchel.bootstrap.jobs.WebhookDeliveryJob;
import dev.satchel.domain.event.EventOutbox;
import dev.satchel.domain.event.EventType;
import dev.satchel.domain.id.IdGenerator;
import dev.satchel.domain.tx.TransactionBoundary;
import dev.satchel.domain.webhook.Webhook;
import dev.satchel.domain.webhook.WebhookDeliveries;
import dev.satchel.domain.webhook.WebhookRepository;
import io.vertx.core.Vertx;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** Builds the webhook use cases and the outbound adapter from {@code satchel.webhooks.*}. */
public class WebhookProducers {
  /** Every type the outbox writes: what a webhook may subscribe to. */
  static final Set<String> EVENT_TYPES =
      Arrays.stream(EventType.values()).map(EventType::wireName).collect(Collectors.toUnmodifiableSet());

  @Produces
  @Singleton
  PublicDestinationGuard destinationGuard(SatchelConfig config) {
    return PublicDestinationGuard.usingSystemResolver(config.webhooks().allowPrivate());
  }

  @Produces
  @Singleton
  VertxWebhookSender webhookSender(Vertx vertx, PublicDestinationGuard guard, SatchelConfig config) {
    return new VertxWebhookSender(vertx, guard, config.webhooks().timeout());
  }

  void closeSender(@Disposes VertxWebhookSender sender) {
    sender.close();
  }

  @Produces
  @Singleton
  RetrySchedule retrySchedule(SatchelConfig config) {
    SatchelConfig.Webhooks webhooks = config.webhooks();
    return new RetrySchedule(webhooks.firstRetry(), webhooks.maxRetryDelay(), webhooks.retryFor());
  }

  @Produces
  @Singleton
  RegisterWebhookUseCase registerWebhook(WebhookRepository webhooks, WebhookDeliveries deliveries,
      PublicDestinationGuard guard, IdGenerator ids, SecureRandom random, Clock clock, TransactionBoundary tx,
      WebhookDeliveryJob job) {
    var service = new RegisterWebhookService(webhooks, deliveries, guard, ids, random, clock, tx, EVENT_TYPES);
    // committed: the fan-out here and on the other replicas stop idling at once
    return command -> {
      Webhook webhook = service.register(command);
      job.registeredHere();
      return webhook;
    };
  }

  @Produces
  @Singleton
  ListWebhooksUseCase listWebhooks(WebhookRepository webhooks, TransactionBoundary tx) {
    return new ListWebhooksService(webhooks, tx);
  }

  @Produces
  @Singleton
  DeleteWebhookUseCase deleteWebhook(WebhookRepository webhooks, TransactionBoundary tx) {
    return new DeleteWebhookService(webhooks, tx);
  }

  @Produces
  @Singleton
  ListWebhookDeliveriesUseCase listWebhookDeliveries(WebhookRepository webhooks, WebhookDeliveries deliveries,
      TransactionBoundary tx) {
    return new ListWebhookDeliveriesService(webhooks, deliveries, tx);
  }

  @Produces
  @Singleton
  DeliverWebhooksUseCase deliverWebhooks(WebhookDeliveries deliveries, VertxWebhookSender sender,
      RetrySchedule schedule, SatchelConfig config, Clock clock, TransactionBoundary tx) {
    // the lease outlasts any attempt (bounded by the timeout) with room for a slow record
    Duration lease = config.webhooks().timeout().plusSeconds(30);
    return new DeliverWebhooksService(deliveries, sender, schedule, lease, clock, tx);
  }

  @Produces
  @Singleton
  FanOutWebhookEventsUseCase fanOutWebhookEvents(EventOutbox outbox, WebhookDeliveries deliveries,
      WebhookRepository webhooks, ObjectMapper mapper, Clock clock, TransactionBoundary tx) {
    // The streams' own wire form: a webhook body is byte for byte what SSE and WebSocket send.
    EventJson json = new EventJson(mapper);
    return new FanOutWebhookEventsService(outbox, deliveries, webhooks, json::write, clock, tx);
  }

  @Produces
  @Singleton
  PurgeWebhookDeliveriesUseCase purgeWebhookDeliveries(WebhookDeliveries deliveries, Clock clock, SatchelConfig config,
      TransactionBoundary tx) {
    return new PurgeWebhookDeliveriesService(deliveries, clock, config.webhooks().logRetention(), tx);
  }
}
