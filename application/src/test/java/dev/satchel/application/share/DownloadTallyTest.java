package dev.satchel.application.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.satchel.domain.share.ShareId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class DownloadTallyTest {
  private static final List<ShareId> LINKS =
      IntStream.range(0, 5).mapToObj(i -> new ShareId(UUID.randomUUID())).toList();

  /**
   * Writers record downloads of a few links (each writer its own sequence) while a drainer keeps
   * draining: the drained batches plus the final drain add up to exactly what was recorded.
   */
  @Property(tries = 25)
  void drainsWhileRecordingLoseAndDoubleNothing(
      @ForAll @Size(min = 2, max = 6) List<@Size(max = 3_000) List<@IntRange(min = 0, max = 4) Integer>> writers)
      throws Exception {
    DownloadTally tally = new DownloadTally(1_000);
    Map<ShareId, Long> expected = new HashMap<>();
    writers.forEach(w -> w.forEach(i -> expected.merge(LINKS.get(i), 1L, Long::sum)));
    Map<ShareId, Long> drained = new HashMap<>();
    AtomicBoolean writing = new AtomicBoolean(true);
    CyclicBarrier start = new CyclicBarrier(writers.size() + 1);
    ExecutorService pool = Executors.newFixedThreadPool(writers.size() + 1);
    try {
      Future<?> drainer = pool.submit(() -> {
        start.await(10, TimeUnit.SECONDS);
        while (writing.get()) {
          tally.drain().forEach((link, n) -> drained.merge(link, n, Long::sum));
        }
        return null;
      });
      List<Future<?>> running = new ArrayList<>();
      for (List<Integer> writer : writers) {
        running.add(pool.submit(() -> {
          start.await(10, TimeUnit.SECONDS);
          writer.forEach(i -> tally.record(LINKS.get(i)));
          return null;
        }));
      }
      for (Future<?> w : running) {
        w.get(30, TimeUnit.SECONDS);
      }
      writing.set(false);
      drainer.get(30, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
    tally.drain().forEach((link, n) -> drained.merge(link, n, Long::sum));

    assertThat(drained).isEqualTo(expected);
    assertThat(tally.pendingDownloads()).isZero();
    assertThat(tally.dropped()).isZero();
  }

  @Test
  void manyThreadsOnOneLinkSumExactly() throws Exception {
    DownloadTally tally = new DownloadTally(10);
    ShareId hot = LINKS.get(0);
    int threads = 8;
    int each = 20_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        running.add(pool.submit(() -> IntStream.range(0, each).forEach(i -> tally.record(hot))));
      }
      for (Future<?> r : running) {
        r.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(tally.pendingDownloads()).isEqualTo((long) threads * each);
    assertThat(tally.drain()).containsExactly(Map.entry(hot, (long) threads * each));
    assertThat(tally.drain()).isEmpty();
  }

  @Test
  void restoredBatchAddsToWhatWasRecordedSince() {
    DownloadTally tally = new DownloadTally(10);
    tally.record(LINKS.get(0));
    tally.record(LINKS.get(0));
    Map<ShareId, Long> batch = tally.drain();
    tally.record(LINKS.get(0));
    tally.record(LINKS.get(1));

    tally.restore(batch);

    assertThat(tally.drain()).isEqualTo(Map.of(LINKS.get(0), 3L, LINKS.get(1), 1L));
  }

  @Test
  void linksBeyondTheBoundAreDroppedAndCountedAsDropped() {
    DownloadTally tally = new DownloadTally(2);
    tally.record(LINKS.get(0));
    tally.record(LINKS.get(1));

    tally.record(LINKS.get(2));
    tally.record(LINKS.get(0)); // a pending link keeps counting

    assertThat(tally.dropped()).isEqualTo(1);
    assertThat(tally.drain()).isEqualTo(Map.of(LINKS.get(0), 2L, LINKS.get(1), 1L));
    tally.record(LINKS.get(2)); // room again after the drain
    assertThat(tally.drain()).isEqualTo(Map.of(LINKS.get(2), 1L));
  }

  @Test
  void boundMustBePositive() {
    assertThatThrownBy(() -> new DownloadTally(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
