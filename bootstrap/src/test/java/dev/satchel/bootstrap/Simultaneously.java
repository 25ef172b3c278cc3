package dev.satchel.bootstrap;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Fires a batch of requests released together by one latch, for tests of races. */
public final class Simultaneously {

  private Simultaneously() {}

  /**
   * Runs {@code request} for 0..count-1, each on its own thread, all released at once.
   *
   * @return the results in request order
   */
  public static <T> List<T> run(int count, IntFunction<T> request) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(count);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<T>> inFlight = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int index = i;
        inFlight.add(pool.submit((Callable<T>) () -> {
          start.await();
          return request.apply(index);
        }));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> result : inFlight) {
        results.add(result.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
