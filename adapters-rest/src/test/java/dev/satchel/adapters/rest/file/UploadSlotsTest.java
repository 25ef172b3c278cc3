package dev.satchel.adapters.rest.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.satchel.domain.error.TooManyUploads;
import dev.satchel.domain.error.UploadCapacityReached;
import dev.satchel.domain.user.UserId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class UploadSlotsTest {
  private static final UploadPacing PACING =
      new UploadPacing(Duration.ofSeconds(3), 1024, Duration.ofSeconds(30), 2, 3, Duration.ofSeconds(10));

  private final UploadSlots slots = new UploadSlots(PACING);

  private static UserId user() {
    return new UserId(UUID.randomUUID());
  }

  @Test
  void userOverItsCapIsToldToWaitWhileOthersGetIn() {
    UserId greedy = user();
    slots.acquire(greedy);
    slots.acquire(greedy);

    assertThatThrownBy(() -> slots.acquire(greedy))
        .isInstanceOfSatisfying(TooManyUploads.class, e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(10)));
    slots.acquire(user());
    assertThat(slots.inFlight()).isEqualTo(3);
  }

  @Test
  void overallCapRefusesEveryoneUntilASlotIsFreed() {
    UserId a = user();
    UploadSlots.Slot first = slots.acquire(a);
    slots.acquire(a);
    slots.acquire(user());
    UserId late = user();

    assertThatThrownBy(() -> slots.acquire(late)).isInstanceOf(UploadCapacityReached.class);
    assertThat(slots.inFlight()).isEqualTo(3);

    first.close();
    slots.acquire(late);
    assertThat(slots.inFlight()).isEqualTo(3);
  }

  @Test
  void refusedUserDoesNotKeepAPlaceOfItsOwn() {
    UserId a = user();
    UserId b = user();
    UploadSlots.Slot held = slots.acquire(a);
    slots.acquire(a);
    slots.acquire(b);
    assertThatThrownBy(() -> slots.acquire(b)).isInstanceOf(UploadCapacityReached.class);

    held.close();

    slots.acquire(b);
    assertThatThrownBy(() -> slots.acquire(b)).isInstanceOf(TooManyUploads.class);
  }

  @Test
  void racingUploadsOfOneUserNeverExceedTheCap() throws Exception {
    UploadSlots roomy = new UploadSlots(
        new UploadPacing(Duration.ofSeconds(3), 0, Duration.ofSeconds(30), 4, 1000, Duration.ofSeconds(1)));
    UserId racer = user();
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Boolean>> attempts = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        attempts.add(() -> {
          try {
            roomy.acquire(racer);
            return true;
          } catch (TooManyUploads e) {
            return false;
          }
        });
      }
      int admitted = 0;
      for (Future<Boolean> outcome : threads.invokeAll(attempts)) {
        admitted += outcome.get() ? 1 : 0;
      }
      assertThat(admitted).isEqualTo(4);
      assertThat(roomy.inFlight()).isEqualTo(4);
    } finally {
      threads.shutdownNow();
    }
  }
}
