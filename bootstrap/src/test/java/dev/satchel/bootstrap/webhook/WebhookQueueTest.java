package dev.satchel.bootstrap.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.satchel.application.webhook.DeliverWebhooksService;
import dev.satchel.application.webhook.FanOutWebhookEventsService;
import dev.satchel.application.webhook.FanOutWebhookEventsUseCase;
import dev.satchel.application.webhook.RegisterWebhookCommand;
import dev.satchel.application.webhook.RegisterWebhookUseCase;
import dev.satchel.application.webhook.RetrySchedule;
import dev.satchel.bootstrap.Db;
import dev.satchel.bootstrap.TestEnvironmentResource;
import dev.satchel.bootstrap.Uploads;
import dev.satchel.domain.event.Event;
import dev.satchel.domain.event.EventId;
import dev.satchel.domain.event.EventOutbox;
import dev.satchel.domain.event.EventType;
import dev.satchel.domain.event.OutboxPosition;
import dev.satchel.domain.tx.TransactionBoundary;
import dev.satchel.domain.user.UserId;
import dev.satchel.domain.webhook.DeliveryState;
import dev.satchel.domain.webhook.EventFilter;
import dev.satchel.domain.webhook.PendingDelivery;
import dev.satchel.domain.webhook.SendResult;
import dev.satchel.domain.webhook.Webhook;
import dev.satchel.domain.webhook.WebhookDeliveries;
import dev.satchel.domain.webhook.WebhookId;
import dev.satchel.domain.webhook.WebhookRepository;
import dev.satchel.domain.webhook.WebhookSecret;
import dev.satchel.domain.webhook.WebhookSender;
import dev.satchel.domain.webhook.WebhookUrl;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The delivery queue on PostgreSQL. Workers of several replicas share it without a lock of their
 * own: a claimed row is skipped by every other transaction, so no attempt is made twice; two
 * fan-outs queue each outbox event once; a webhook registered while an idle replica skips the
 * cursor ahead gets every event from its creation on; the purge keeps what is still being retried.
 * Deliveries are switched off in this profile, so only the workers built here touch the queue.
 */
@QuarkusTest
@WithTestResource(value = TestEnvironmentResource.class, scope = TestResourceScope.GLOBAL)
class WebhookQueueTest {
  @Inject WebhookDeliveries deliveries;
  @Inject WebhookRepository webhooks;
  @Inject EventOutbox outbox;
  @Inject FanOutWebhookEventsUseCase fanOut;
  @Inject RegisterWebhookUseCase register;
  @Inject TransactionBoundary tx;
  @Inject Clock clock;

  private final ExecutorService threads = Executors.newFixedThreadPool(4);
  private static final Duration LEASE = Duration.ofSeconds(40);
  private final RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(5), Duration.ofHours(1), Duration.ofDays(1));

  @AfterEach
  void emptyTheQueueAndStop() throws Exception {
    // each test sees only its own deliveries
    try (var connection = Db.connect(); var statement = connection.createStatement()) {
      statement.execute("DELETE FROM satchel.webhook_deliveries");
    }
    threads.shutdownNow();
  }

  @Test
  void twoWorkersNeverMakeTheSameAttempt() throws Exception {
    UserId owner = owner();
    addWebhook(owner);
    int events = 40;
    tx.inTransaction(() -> {
      for (int i = 0; i < events; i++) {
        Event event = event(owner);
        deliveries.enqueue(event, "{\"n\":" + i + "}", clock.instant());
      }
    });
    Map<UUID, AtomicInteger> sends = new ConcurrentHashMap<>();
    Map<String, AtomicInteger> byWorker = new ConcurrentHashMap<>();
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> workers = new ArrayList<>();
    for (String name : List.of("replica-a", "replica-b")) {
      WebhookSender sender = (delivery, timestamp) -> {
        sends.computeIfAbsent(delivery.eventId(), id -> new AtomicInteger()).incrementAndGet();
        byWorker.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
        sleep(20); // a receiver's time: both workers are inside attempts at once
        return SendResult.answered(204, "");
      };
      var worker = new DeliverWebhooksService(deliveries, sender, schedule, LEASE, clock, tx);
      workers.add(threads.submit(() -> {
        start.await();
        int made = 0;
        while (worker.deliverNext().isPresent()) {
          made++;
        }
        return made;
      }));
    }
    start.countDown();
    int attempts = 0;
    for (Future<Integer> worker : workers) {
      attempts += worker.get(120, TimeUnit.SECONDS);
    }

    assertThat(attempts).isEqualTo(events);
    assertThat(sends).hasSize(events);
    assertThat(sends.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
    assertThat(byWorker.values()).hasSize(2).allSatisfy(count -> assertThat(count.get()).isPositive());
  }

  @Test
  void aClaimIsSkippedByOthersAndOnlyItsHolderRecordsBeforeTheLeaseEnds() throws Exception {
    UserId owner = owner();
    addWebhook(owner);
    Event event = event(owner);
    Instant now = clock.instant();
    tx.inTransaction(() -> deliveries.enqueue(event, "{}", now));
    CountDownLatch claiming = new CountDownLatch(1);
    CountDownLatch die = new CountDownLatch(1);
    Future<?> dying = threads.submit(() -> tx.inTransaction(() -> {
      assertThat(claimFor(event, now)).isPresent();
      claiming.countDown();
      await(die);
      throw new IllegalStateException("replica crashed while claiming");
    }));
    assertThat(claiming.await(60, TimeUnit.SECONDS)).isTrue();

    // a claim in progress: another transaction skips the row instead of waiting for it
    long started = System.nanoTime();
    assertThat(threads.submit(() -> tx.inTransaction(() -> claimFor(event, now))).get(60, TimeUnit.SECONDS)).isEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
    die.countDown();
    assertThat(catching(dying)).isInstanceOf(IllegalStateException.class);

    // that claim never committed: due at once; a committed claim hides the row until its lease ends
    PendingDelivery first = tx.inTransaction(() -> claimFor(event, now)).orElseThrow();
    assertThat(tx.inTransaction(() -> claimFor(event, now))).isEmpty();
    assertThat(tx.inTransaction(() -> claimFor(event, now.plus(LEASE).minusSeconds(1)))).isEmpty();
    // its worker died without recording: due again when the lease ends, with no attempt counted
    PendingDelivery second = tx.inTransaction(() -> claimFor(event, now.plus(LEASE).plusSeconds(1))).orElseThrow();
    assertThat(second.attemptsMade()).isZero();
    assertThat(second.claim()).isNotEqualTo(first.claim());
    // a late record under the lost claim is refused; the current claim's is kept
    SendResult ok = SendResult.answered(204, "");
    assertThat(tx.inTransaction(() -> deliveries.recordAttempt(first, ok, now, DeliveryState.DELIVERED,
        Optional.empty()))).isFalse();
    assertThat(tx.inTransaction(() -> deliveries.recordAttempt(second, ok, now, DeliveryState.DELIVERED,
        Optional.empty()))).isTrue();
  }

  @Test
  void anAttemptInFlightDoesNotHoldBackTheEventOutbox() throws Exception {
    var account = WebhookDeliveryTest.Account.create();
    UserId owner = new UserId(account.id());
    addWebhook(owner);
    tx.inTransaction(() -> deliveries.enqueue(event(owner), "{}", clock.instant()));
    CountDownLatch sending = new CountDownLatch(1);
    CountDownLatch answer = new CountDownLatch(1);
    var worker = new DeliverWebhooksService(deliveries, (d, t) -> {
      sending.countDown();
      await(answer); // a receiver taking its time
      return SendResult.answered(204, "");
    }, schedule, LEASE, clock, tx);
    Future<Optional<DeliveryState>> attempt = threads.submit(worker::deliverNext);
    assertThat(sending.await(60, TimeUnit.SECONDS)).isTrue();
    OutboxPosition before = tx.inTransaction(() -> outbox.head());

    Uploads.uploadedId(account.token(), "during.txt", "during".getBytes());

    // readers (live streams, the fan-out) see the new event while the POST is still open
    Awaitility.await().atMost(Duration.ofSeconds(20))
        .until(() -> tx.inTransaction(() -> outbox.head()).isAfter(before));
    answer.countDown();
    assertThat(attempt.get(60, TimeUnit.SECONDS)).contains(DeliveryState.DELIVERED);
  }

  @Test
  void twoReplicasFanningOutAtOnceQueueEachEventOnce() throws Exception {
    var account = WebhookDeliveryTest.Account.create();
    UserId owner = new UserId(account.id());
    addWebhook(owner);
    int uploads = 6;
    for (int i = 0; i < uploads; i++) {
      Uploads.uploadedId(account.token(), "f" + i + ".txt", ("content " + i).getBytes());
    }
    CountDownLatch start = new CountDownLatch(1);
    Callable<Integer> replica = () -> {
      start.await();
      int read = 0;
      for (int round = 0; round < 5; round++) {
        read += fanOut.fanOut().read();
      }
      return read;
    };
    Future<Integer> a = threads.submit(replica);
    Future<Integer> b = threads.submit(replica);
    start.countDown();
    a.get(120, TimeUnit.SECONDS);
    b.get(120, TimeUnit.SECONDS);

    List<String> queued = Db.queryStrings("SELECT d.event_id::text FROM satchel.webhook_deliveries d"
        + " JOIN satchel.webhooks w ON w.id = d.webhook_id WHERE w.owner_id = ?::uuid", owner.value().toString());
    assertThat(queued).hasSize(uploads).doesNotHaveDuplicates();
  }

  @Test
  void aWebhookRegisteredWhileTheIdleFanOutSkipsAheadGetsEveryEventFromItsCreationOn() throws Exception {
    Db.update("DELETE FROM satchel.webhooks"); // no webhook anywhere: the look skips the cursor ahead
    var account = WebhookDeliveryTest.Account.create();
    UserId owner = new UserId(account.id());
    AtomicBoolean uploading = new AtomicBoolean(true);
    AtomicInteger looksWithoutWebhook = new AtomicInteger();
    // another replica looking again and again, racing the registration for the cursor
    Future<?> looking = threads.submit(() -> {
      while (uploading.get()) {
        if (!fanOut.anyWebhook()) {
          looksWithoutWebhook.incrementAndGet();
        }
      }
      return null;
    });
    Future<?> uploads = threads.submit(() -> {
      for (int i = 0; i < 30; i++) {
        Uploads.uploadedId(account.token(), "race-" + i + ".txt", ("race " + i).getBytes());
      }
      return null;
    });
    Awaitility.await().atMost(Duration.ofSeconds(60))
        .until(() -> Db.queryStrings("SELECT id FROM satchel.events WHERE owner_id = ?::uuid",
            owner.value().toString()).size() >= 10);
    Webhook webhook = register.register(new RegisterWebhookCommand(owner, "https://93.184.215.14/race", Optional.empty()));
    uploads.get(120, TimeUnit.SECONDS);
    uploading.set(false);
    looking.get(60, TimeUnit.SECONDS);
    while (fanOut.fanOut().read() > 0) {
      // drain what the cursor has not passed yet
    }

    List<String> due = Db.queryStrings("SELECT id::text FROM satchel.events WHERE owner_id = ?::uuid"
        + " AND occurred_at >= ?", owner.value().toString(), java.sql.Timestamp.from(webhook.createdAt()));
    List<String> queued = Db.queryStrings("SELECT event_id::text FROM satchel.webhook_deliveries WHERE webhook_id = ?",
        webhook.id().value());
    assertThat(looksWithoutWebhook.get()).isPositive();
    assertThat(due).isNotEmpty();
    assertThat(queued).containsExactlyInAnyOrderElementsOf(due);
  }

  @Test
  void thePurgeDeletesFinishedDeliveriesAndKeepsPendingOnes() {
    UserId owner = owner();
    addWebhook(owner);
    Event delivered = event(owner);
    Event pending = event(owner);
    tx.inTransaction(() -> {
      deliveries.enqueue(delivered, "{}", clock.instant());
      deliveries.enqueue(pending, "{}", clock.instant().plusSeconds(3600));
    });
    var worker = new DeliverWebhooksService(deliveries, (d, t) -> SendResult.answered(200, "ok"), schedule, LEASE,
        clock, tx);
    assertThat(worker.deliverNext()).isPresent();

    int purged = tx.inTransaction(() -> deliveries.purgeFinishedBefore(clock.instant().plusSeconds(60)));

    assertThat(purged).isEqualTo(1);
    Instant later = clock.instant().plusSeconds(7200);
    assertThat(tx.inTransaction(() -> deliveries.claimDue(later, later.plus(LEASE))))
        .hasValueSatisfying(d -> assertThat(d.eventId()).isEqualTo(pending.id().value()));
  }

  private Optional<PendingDelivery> claimFor(Event event, Instant now) {
    return deliveries.claimDue(now, now.plus(LEASE)).filter(d -> d.eventId().equals(event.id().value()));
  }

  private UserId owner() {
    return new UserId(WebhookDeliveryTest.Account.create().id());
  }

  private void addWebhook(UserId owner) {
    tx.inTransaction(() -> webhooks.add(new Webhook(new WebhookId(UUID.randomUUID()), owner,
        new WebhookUrl("https://93.184.215.14/hook"), EventFilter.all(), WebhookSecret.random(new SecureRandom()),
        clock.instant().minusSeconds(60))));
  }

  private Event event(UserId owner) {
    return new Event(new EventId(UUID.randomUUID()), owner, EventType.FILE_UPLOADED, clock.instant(),
        Map.of("file_id", UUID.randomUUID().toString()));
  }

  private static Throwable catching(Future<?> future) throws InterruptedException {
    try {
      future.get(60, TimeUnit.SECONDS);
      return null;
    } catch (java.util.concurrent.ExecutionException e) {
      return e.getCause();
    } catch (java.util.concurrent.TimeoutException e) {
      return e;
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
