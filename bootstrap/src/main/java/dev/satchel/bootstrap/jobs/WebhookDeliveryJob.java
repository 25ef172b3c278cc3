package dev.satchel.bootstrap.jobs;

import dev.satchel.adapters.persistence.event.PostgresEventOutbox;
import dev.satchel.application.webhook.DeliverWebhooksUseCase;
import dev.satchel.application.webhook.FanOutWebhookEventsService;
import dev.satchel.application.webhook.FanOutWebhookEventsUseCase;
import dev.satchel.bootstrap.config.SatchelConfig;
import dev.satchel.domain.webhook.DeliveryState;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Feeds and drains the webhook queue on this replica, when {@code satchel.webhooks.delivery-enabled}.
 * One thread queues the outbox's new events (woken by each local commit that appended events, and
 * every poll interval for the other replicas' events); {@code satchel.webhooks.workers} threads
 * each make one attempt per transaction, independently, so a receiver that is slow to answer holds
 * up only its own worker, never the first retry of another delivery. Every replica runs them: the
 * cursor and the row claims keep the replicas off each other's work. Counts attempts by outcome in
 * {@code satchel.webhook.deliveries{outcome=delivered|retrying|failed|error}}.
 */
@ApplicationScoped
public class WebhookDeliveryJob {
  private static final Logger LOG = Logger.getLogger(WebhookDeliveryJob.class);

  private final FanOutWebhookEventsUseCase fanOut;
  private final DeliverWebhooksUseCase deliver;
  private final PostgresEventOutbox outbox;
  private final MeterRegistry metrics;
  private final SatchelConfig.Webhooks config;
  private final Semaphore newEvents = new Semaphore(0);
  private final Semaphore newDeliveries = new Semaphore(0);
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean running = true;

  public WebhookDeliveryJob(FanOutWebhookEventsUseCase fanOut, DeliverWebhooksUseCase deliver,
      PostgresEventOutbox outbox, MeterRegistry metrics, SatchelConfig config) {
    this.fanOut = fanOut;
    this.deliver = deliver;
    this.outbox = outbox;
    this.metrics = metrics;
    this.config = config.webhooks();
  }

  void start(@Observes StartupEvent started) {
    if (!config.deliveryEnabled()) {
      return;
    }
    outbox.whenCommitted(newEvents::release);
    threads.add(Thread.ofPlatform().daemon().name("satchel-webhook-fan-out").start(this::fanOutLoop));
    for (int i = 0; i < Math.max(1, config.workers()); i++) {
      threads.add(Thread.ofPlatform().daemon().name("satchel-webhook-delivery-" + i).start(this::deliveryLoop));
    }
  }

  void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
    running = false;
    threads.forEach(Thread::interrupt);
    for (Thread thread : threads) {
      // an attempt in flight is interrupted and rolled back: it stays due for another replica
      thread.join(TimeUnit.SECONDS.toMillis(5));
    }
  }

  private void fanOutLoop() {
    while (running) {
      try {
        newEvents.tryAcquire(pollMillis(), TimeUnit.MILLISECONDS);
        newEvents.drainPermits(); // one read covers every wake-up so far
        if (queueNewEvents() > 0) {
          newDeliveries.release(config.workers());
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        LOG.warnf("webhook fan-out failed, retried at the next wake-up: %s", e.toString());
      }
    }
  }

  /** Queues deliveries for every event committed since the last run; returns how many events were read. */
  private int queueNewEvents() {
    int read = 0;
    int batch;
    do {
      batch = fanOut.fanOut();
      read += batch;
    } while (batch == FanOutWebhookEventsService.BATCH && running);
    return read;
  }

  private void deliveryLoop() {
    while (running) {
      try {
        Optional<DeliveryState> outcome = deliver.deliverNext();
        if (outcome.isPresent()) {
          count(outcome.get().name().toLowerCase(Locale.ROOT));
        } else {
          // nothing due: wait for new deliveries or for retries to come due
          newDeliveries.tryAcquire(pollMillis(), TimeUnit.MILLISECONDS);
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        if (!running) {
          return;
        }
        // The attempt could not be recorded (database unreachable...): it rolled back and stays due.
        count("error");
        LOG.warnf("webhook delivery attempt failed: %s", e.toString());
        sleepQuietly();
      }
    }
  }

  private long pollMillis() {
    return config.pollInterval().toMillis();
  }

  private void sleepQuietly() {
    try {
      Thread.sleep(pollMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  private void count(String outcome) {
    metrics.counter("satchel.webhook.deliveries", "outcome", outcome).increment();
  }
}
