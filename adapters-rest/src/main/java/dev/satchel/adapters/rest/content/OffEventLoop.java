package dev.satchel.adapters.rest.content;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;

/**
 * Hands an answer that may wait (PostgreSQL, Redis, S3, a data key) to a worker thread, for the
 * download resources that answer on the event loop whenever nothing needs waiting.
 *
 * <p>Why those resources answer on the event loop at all: the hand-off to a worker and back
 * (futex wake-ups, context switches) was 18 % of the CPU of a 64 KiB download, and Quarkus REST
 * serves 64 KiB at 0.66x nginx from a worker but 0.91x from the event loop
 * (bench/results/2026-11-30-wave8-framework-ceiling.md).
 */
public final class OffEventLoop {
  private OffEventLoop() {}

  /** {@code answer}, run on Quarkus's worker pool; its exceptions become the Uni's failure. */
  public static Uni<Response> answer(Supplier<Response> answer) {
    return Uni.createFrom().item(answer).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
  }
}
