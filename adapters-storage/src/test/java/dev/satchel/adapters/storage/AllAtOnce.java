package dev.satchel.adapters.storage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** Runs one body on several platform threads released together by one latch, for tests of races. */
public final class AllAtOnce {
  /** What each thread does; {@code worker} is 0..workers-1. */
  @FunctionalInterface
  public interface Body {
    void run(int worker) throws Exception;
  }

  private AllAtOnce() {}

  /**
   * Starts {@code workers} threads, releases them at once and waits for all of them.
   *
   * @return every exception or assertion error a thread ended with, as text (empty when all
   *     bodies returned normally); a body reports a wrong result by throwing
   */
  public static List<String> run(int workers, Body body) throws InterruptedException {
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      int worker = w;
      threads.add(Thread.ofPlatform().start(() -> {
        try {
          start.await();
          body.run(worker);
        } catch (Exception | AssertionError e) {
          failures.add("worker " + worker + ": " + e);
        }
      }));
    }
    start.countDown();
    for (Thread thread : threads) {
      thread.join();
    }
    return failures;
  }
}
