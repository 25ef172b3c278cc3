package dev.satchel.adapters.rest.file;

import dev.satchel.domain.error.TooManyUploads;
import dev.satchel.domain.error.UploadCapacityReached;
import dev.satchel.domain.user.UserId;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts uploads in flight, per user and overall, and refuses one beyond either cap at once,
 * before any of its body is read.
 */
final class UploadSlots {
  /** A held place for one upload; closing it frees the place. */
  interface Slot extends AutoCloseable {
    @Override
    void close();
  }

  private final UploadPacing pacing;
  private final AtomicInteger overall = new AtomicInteger();
  private final ConcurrentHashMap<UserId, Integer> perUser = new ConcurrentHashMap<>();

  UploadSlots(UploadPacing pacing) {
    this.pacing = pacing;
  }

  /**
   * @throws TooManyUploads when the user already has {@code maxPerUser} uploads running
   * @throws UploadCapacityReached when {@code maxOverall} uploads run in all
   */
  Slot acquire(UserId user) {
    // The user's own cap first: one greedy user is told 429, not everyone 503.
    boolean[] admitted = {false};
    perUser.compute(user, (key, count) -> {
      int running = count == null ? 0 : count;
      if (running >= pacing.maxPerUser()) {
        return count;
      }
      admitted[0] = true;
      return running + 1;
    });
    if (!admitted[0]) {
      throw new TooManyUploads(pacing.maxPerUser(), pacing.retryAfter());
    }
    if (overall.incrementAndGet() > pacing.maxOverall()) {
      release(user);
      throw new UploadCapacityReached(pacing.retryAfter());
    }
    return () -> release(user);
  }

  private void release(UserId user) {
    overall.decrementAndGet();
    perUser.computeIfPresent(user, (key, count) -> count <= 1 ? null : count - 1);
  }

  int inFlight() {
    return overall.get();
  }
}
