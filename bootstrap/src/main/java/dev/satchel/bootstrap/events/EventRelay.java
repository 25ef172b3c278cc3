package dev.satchel.bootstrap.events;

import dev.satchel.adapters.persistence.event.PostgresEventOutbox;
import dev.satchel.application.event.EventFanOut;
import dev.satchel.bootstrap.config.SatchelConfig;
import dev.satchel.domain.cluster.ClusterNotifier;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Wakes this replica's {@link EventFanOut} whenever new events may be readable: at once after a
 * commit here (which it also announces to the other replicas on the cluster topic
 * {@value #TOPIC}, through PostgreSQL LISTEN/NOTIFY, at most once per {@link #ANNOUNCE_SPACING}),
 * on such an announcement from another replica, after the listener (re)connects, and every
 * {@code satchel.events.poll-interval} as a safety net for lost notifications. The fan-out always reads the outbox from where it stopped,
 * so a missed wake-up only delays an event, never loses it. One thread does all reading, and the
 * request that committed never waits for it.
 */
@ApplicationScoped
public class EventRelay {
  static final String TOPIC = "events";
  /**
   * Least time between two announcements of local commits, and so the most a commit here waits
   * before this replica's own streams get it while commits stream in. The contract gives events a
   * second; at 5 ms the announcements (a PostgreSQL transaction each, heard by every replica's
   * listener) took 3 % of the CPU of 64 KiB uploads on one replica with nobody listening.
   */
  static final Duration ANNOUNCE_SPACING = Duration.ofMillis(50);
  private static final Logger LOG = Logger.getLogger(EventRelay.class);

  private final EventFanOut fanOut;
  private final ClusterNotifier notifier;
  private final PostgresEventOutbox outbox;
  private final Duration pollInterval;
  private final Semaphore wakeUp = new Semaphore(0);
  private final AtomicBoolean committedHere = new AtomicBoolean();
  private volatile boolean running = true;
  private Thread thread;

  public EventRelay(EventFanOut fanOut, ClusterNotifier notifier, PostgresEventOutbox outbox, SatchelConfig config) {
    this.fanOut = fanOut;
    this.notifier = notifier;
    this.outbox = outbox;
    this.pollInterval = config.events().pollInterval();
  }

  void start(@Observes StartupEvent started) {
    outbox.whenCommitted(() -> {
      committedHere.set(true);
      wakeUp.release();
    });
    notifier.subscribe(TOPIC, new ClusterNotifier.Subscriber() {
      @Override
      public void onMessage(String message) {
        wakeUp.release();
      }

      @Override
      public void onConnected() {
        wakeUp.release(); // whatever was announced while not listening is in the outbox
      }

      @Override
      public void onDisconnected() {
        // the periodic read carries on meanwhile
      }
    });
    thread = Thread.ofPlatform().daemon().name("satchel-event-relay").start(this::relay);
  }

  void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
    running = false;
    if (thread != null) {
      thread.interrupt();
      thread.join(TimeUnit.SECONDS.toMillis(5));
    }
  }

  private void relay() {
    while (running) {
      try {
        wakeUp.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        wakeUp.drainPermits(); // one read covers every wake-up so far
        boolean announce = committedHere.getAndSet(false);
        if (announce) {
          notifier.publish(TOPIC, "new");
        }
        fanOut.deliverNew();
        if (announce) {
          // Commits streaming in share one announcement (each costs a round trip and a commit on
          // the server) instead of one each: the replicas hear of them at most this much later.
          Thread.sleep(ANNOUNCE_SPACING.toMillis());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.warnf("events not relayed (%s); retrying at the next wake-up", e.toString());
      }
    }
  }
}
