package dev.satchel.adapters.rest.file;

import dev.satchel.domain.error.TooManyUploads;
import dev.satchel.domain.error.UploadTimedOut;
import dev.satchel.domain.user.UserId;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Lets an upload run only within its caps and its pace: admits it into a slot (429 per user, 503
 * overall), and has one watchdog thread check its body several times per read timeout, stopping
 * it with 408 when the client stalls or trickles. Slow clients thus hold neither a slot nor a
 * thread for long.
 */
public final class UploadGate implements AutoCloseable {
  /** Hears what the gate decides, for metrics. */
  public interface Events {
    /** @param scope {@code user} or {@code overall} */
    void rejected(String scope);

    void timedOut();
  }

  private static final long MIN_TICK_MILLIS = 50;
  private static final long MAX_TICK_MILLIS = 1000;

  private final UploadPacing pacing;
  private final UploadSlots slots;
  private final Events events;
  private final ScheduledExecutorService watchdog;
  private final long tickMillis;
  private final Runnable closeConnectionAfterAnswer;

  /**
   * @param closeConnectionAfterAnswer called on the request's thread when an upload is refused or
   *     timed out with its body unread: the connection cannot carry another request, and a
   *     trickling client must not keep it open (RFC 9110 sections 9.6, 15.5.9)
   */
  public UploadGate(UploadPacing pacing, Events events, Runnable closeConnectionAfterAnswer) {
    this.pacing = pacing;
    this.slots = new UploadSlots(pacing);
    this.events = events;
    this.closeConnectionAfterAnswer = closeConnectionAfterAnswer;
    this.watchdog = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
        .name("satchel-upload-watchdog").daemon().factory());
    Duration shortest = pacing.readTimeout().compareTo(pacing.rateWindow()) < 0 ? pacing.readTimeout() : pacing.rateWindow();
    this.tickMillis = Math.clamp(shortest.toMillis() / 10, MIN_TICK_MILLIS, MAX_TICK_MILLIS);
  }

  /**
   * Runs {@code upload} on the paced {@code body} inside a slot of {@code user}.
   *
   * @throws dev.satchel.domain.error.TooManyUploads over the user's cap, before reading
   * @throws dev.satchel.domain.error.UploadCapacityReached over the overall cap, before reading
   * @throws UploadTimedOut when the client sent too slowly; the upload's own cleanup has run
   */
  public <T> T admit(UserId user, InputStream body, Function<InputStream, T> upload) {
    UploadSlots.Slot slot;
    try {
      slot = slots.acquire(user);
    } catch (RuntimeException e) {
      events.rejected(e instanceof TooManyUploads ? "user" : "overall");
      closeConnectionAfterAnswer.run();
      throw e;
    }
    try (slot) {
      PacedBody paced = new PacedBody(body, pacing, System::nanoTime);
      ScheduledFuture<?> watching = watchdog.scheduleWithFixedDelay(
          () -> paced.check(System.nanoTime()), tickMillis, tickMillis, TimeUnit.MILLISECONDS);
      try {
        return upload.apply(paced);
      } catch (RuntimeException e) {
        RuntimeException explained = paced.explain(e);
        if (explained instanceof UploadTimedOut) {
          events.timedOut();
          closeConnectionAfterAnswer.run();
        }
        throw explained;
      } finally {
        watching.cancel(false);
        paced.finish();
      }
    }
  }

  /** Uploads running now. */
  public int inFlight() {
    return slots.inFlight();
  }

  @Override
  public void close() {
    watchdog.shutdownNow();
  }
}
