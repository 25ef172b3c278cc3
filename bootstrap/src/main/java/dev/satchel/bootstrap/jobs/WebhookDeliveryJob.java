package dev.satchel.bootstrap.jobs;

import dev.satchel.adapters.persistence.event.PostgresEventOutbox;
import dev.satchel.application.webhook.DeliverWebhooksUseCase;
import dev.satchel.application.webhook.FanOutWebhookEventsService;
import dev.satchel.application.webhook.FanOutWebhookEventsUseCase;
import dev.satchel.bootstrap.config.SatchelConfig;
import dev.satchel.domain.cluster.ClusterNotifier;
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
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Feeds and drains the webhook queue on this replica, when {@code satchel.webhooks.delivery-enabled}.
 * One thread queues the outbox's new events (woken by each local commit that appended events, and
 * every poll interval for the other replicas' events); {@code satchel.webhooks.workers} threads
 * each make one attempt per transaction, independently, so a receiver that is slow to answer holds
 * up only its own worker, never the first retry of another delivery. Workers sleep until the
 * fan-out here queued something, or a poll interval passed (retries come due, other replicas'
 * deliveries). Every replica runs them: the cursor and the row claims keep the replicas off each
 * other's work. Counts attempts by outcome in
 * {@code satchel.webhook.deliveries{outcome=delivered|retrying|failed|error}}.
 *
 * <p>While no webhook exists in the cluster (looked up every poll interval) there is nothing to
 * queue or deliver, so neither the fan-out nor the workers touch the database between looks; the
 * look itself moves the cursor past the quiet time's events. A registration here, or one announced
 * by another replica on the cluster topic {@value #TOPIC}, wakes them at once; a lost announcement
 * costs at most one poll interval of delay, since the registering replica fans out itself. The
 * gauge {@code satchel.webhook.active} is 1 while this replica fans out and delivers, 0 while it idles.
 */
@ApplicationScoped
public class WebhookDeliveryJob {
  static final String TOPIC = "webhooks";
  private static final Logger LOG = Logger.getLogger(WebhookDeliveryJob.class);

  private final FanOutWebhookEventsUseCase fanOut;
  private final DeliverWebhooksUseCase deliver;
  private final PostgresEventOutbox outbox;
  private final ClusterNotifier notifier;
  private final MeterRegistry metrics;
  private final SatchelConfig.Webhooks config;
  private final Semaphore newEvents = new Semaphore(0);
  private final Semaphore newDeliveries = new Semaphore(0);
  private final List<Thread> threads = new ArrayList<>();
  /** Bumped by every registration heard of, so a look that began before it cannot undo it. */
  private final AtomicLong registrations = new AtomicLong();
  private volatile boolean webhooksExist = true; // until the first look says otherwise
  private volatile boolean running = true;

  public WebhookDeliveryJob(FanOutWebhookEventsUseCase fanOut, DeliverWebhooksUseCase deliver,
      PostgresEventOutbox outbox, ClusterNotifier notifier, MeterRegistry metrics, SatchelConfig config) {
    this.fanOut = fanOut;
    this.deliver = deliver;
    this.outbox = outbox;
    this.notifier = notifier;
    this.metrics = metrics;
    this.config = config.webhooks();
  }

  void start(@Observes StartupEvent started) {
    if (!config.deliveryEnabled()) {
      return;
    }
    metrics.gauge("satchel.webhook.active", this, job -> job.webhooksExist ? 1 : 0);
    outbox.whenCommitted(() -> {
      if (webhooksExist) {
        newEvents.release();
      }
    });
    notifier.subscribe(TOPIC, new ClusterNotifier.Subscriber() {
      @Override
      public void onMessage(String message) {
        webhookRegistered();
      }

      @Override
      public void onConnected() {
        webhookRegistered(); // one may have been announced while not listening: look again
      }

      @Override
      public void onDisconnected() {
        // the periodic look carries on meanwhile
      }
    });
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

  /** A webhook was registered on this replica (committed): wakes the queue here and on the others. */
  public void registeredHere() {
    webhookRegistered();
    notifier.publish(TOPIC, "registered");
  }

  private void webhookRegistered() {
    registrations.incrementAndGet();
    webhooksExist = true;
    newEvents.release();
  }

  private void fanOutLoop() {
    long nextLook = System.nanoTime(); // the first look at once: webhooksExist starts true
    while (running) {
      try {
        if (System.nanoTime() - nextLook >= 0) {
          look();
          nextLook = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pollMillis());
        }
        if (webhooksExist && queueNewEvents() > 0) {
          newDeliveries.release(config.workers());
        }
        newEvents.tryAcquire(Math.max(0, nextLook - System.nanoTime()), TimeUnit.NANOSECONDS);
        newEvents.drainPermits(); // one read covers every wake-up so far
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        LOG.warnf("webhook fan-out failed, retried at the next wake-up: %s", e.toString());
        sleepQuietly();
      }
    }
  }

  /** Looks whether any webhook exists; when none, the cursor moves past the events so far. */
  private void look() {
    long before = registrations.get();
    boolean exist = fanOut.anyWebhook();
    if (!exist && registrations.get() != before) {
      return; // a registration was heard of meanwhile: the look may predate it
    }
    if (exist && !webhooksExist) {
      newDeliveries.release(config.workers()); // deliveries other replicas queued may be due
    }
    webhooksExist = exist;
  }

  /** Queues deliveries for every event committed since the last run; returns how many were queued. */
  private int queueNewEvents() {
    int queued = 0;
    FanOutWebhookEventsUseCase.Batch batch;
    do {
      batch = fanOut.fanOut();
      queued += batch.queued();
    } while (batch.read() == FanOutWebhookEventsService.BATCH && running);
    return queued;
  }

  private void deliveryLoop() {
    while (running) {
      try {
        Optional<DeliveryState> outcome = webhooksExist ? deliver.deliverNext() : Optional.empty();
        if (outcome.isPresent()) {
          count(outcome.get().name().toLowerCase(Locale.ROOT));
        } else {
          // nothing due (or no webhook at all): wait for new deliveries or for retries to come due
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
