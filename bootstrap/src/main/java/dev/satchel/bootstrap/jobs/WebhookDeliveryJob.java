package dev.satchel.bootstrap.jobs;

import dev.satchel.application.webhook.DeliverWebhooksUseCase;
import dev.satchel.application.webhook.FanOutWebhookEventsService;
import dev.satchel.application.webhook.FanOutWebhookEventsUseCase;
import dev.satchel.bootstrap.config.SatchelConfig;
import dev.satchel.domain.webhook.DeliveryState;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.logging.Logger;

/**
 * Feeds and drains the webhook queue. Each tick first queues the outbox's new events (one replica
 * at a time, by the cursor's row lock), then runs {@code satchel.webhooks.workers} loops in parallel, each
 * making one attempt per transaction until nothing is due. Every replica runs it; the row claims
 * keep them off each other's deliveries. Counts attempts by outcome in
 * {@code satchel.webhook.deliveries{outcome=delivered|retrying|failed|error}}.
 */
@ApplicationScoped
public class WebhookDeliveryJob {
  private static final Logger LOG = Logger.getLogger(WebhookDeliveryJob.class);
  /** Attempts one loop makes per tick at most, so a tick always ends and shutdown is prompt. */
  static final int MAX_PER_LOOP = 200;

  private final FanOutWebhookEventsUseCase fanOut;
  private final DeliverWebhooksUseCase deliver;
  private final MeterRegistry metrics;
  private final int workers;
  private final ExecutorService pool;

  public WebhookDeliveryJob(FanOutWebhookEventsUseCase fanOut, DeliverWebhooksUseCase deliver, MeterRegistry metrics,
      SatchelConfig config) {
    this.fanOut = fanOut;
    this.deliver = deliver;
    this.metrics = metrics;
    this.workers = Math.max(1, config.webhooks().workers());
    this.pool = Executors.newFixedThreadPool(workers, Thread.ofPlatform().name("webhook-delivery-", 0).daemon().factory());
  }

  @Scheduled(identity = "webhook-deliveries", every = "${satchel.webhooks.poll-interval:1s}", delayed = "1s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = WebhookDeliveryDisabled.class)
  void deliverOnSchedule() {
    try {
      queueNewEvents();
    } catch (RuntimeException e) {
      LOG.warnf("webhook fan-out failed, retried next tick: %s", e.toString());
    }
    deliverDue();
  }

  /** Queues deliveries for every event committed since the last run; returns how many events were read. */
  public int queueNewEvents() {
    int read = 0;
    int batch;
    do {
      batch = fanOut.fanOut();
      read += batch;
    } while (batch == FanOutWebhookEventsService.BATCH);
    return read;
  }

  /** One tick: every worker loop until the queue has nothing due; returns the attempts made. */
  public int deliverDue() {
    List<Future<Integer>> loops = new ArrayList<>();
    for (int i = 0; i < workers; i++) {
      loops.add(pool.submit(this::loop));
    }
    int attempts = 0;
    for (Future<Integer> loop : loops) {
      try {
        attempts += loop.get();
      } catch (ExecutionException e) {
        LOG.warnf(e.getCause(), "webhook delivery loop failed");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return attempts;
  }

  private int loop() {
    int attempts = 0;
    while (attempts < MAX_PER_LOOP) {
      Optional<DeliveryState> outcome;
      try {
        outcome = deliver.deliverNext();
      } catch (RuntimeException e) {
        // The database is unreachable or the attempt could not be recorded: it rolled back and
        // stays due; the next tick tries again.
        count("error");
        LOG.warnf("webhook delivery attempt failed: %s", e.toString());
        return attempts;
      }
      if (outcome.isEmpty()) {
        return attempts;
      }
      count(outcome.get().name().toLowerCase(Locale.ROOT));
      attempts++;
    }
    return attempts;
  }

  private void count(String outcome) {
    metrics.counter("satchel.webhook.deliveries", "outcome", outcome).increment();
  }

  void stop(@Observes ShutdownEvent event) {
    pool.shutdownNow();
  }
}
