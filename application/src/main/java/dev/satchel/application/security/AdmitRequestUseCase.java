package dev.satchel.application.security;

import dev.satchel.domain.ratelimit.RateLimitStatus;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** In-port: lets a request through its rate limits, or refuses it. */
public interface AdmitRequestUseCase {

  /**
   * Takes one token from each limit that applies to the request, without holding the caller's
   * thread while a shared backend answers.
   *
   * @return completes with the state of every limit applied (empty when all are off), for the
   *     response headers; completes exceptionally with {@link dev.satchel.domain.error.RateLimited}
   *     (possibly wrapped in a {@link java.util.concurrent.CompletionException}) when one of them
   *     is exhausted
   */
  CompletionStage<List<RateLimitStatus>> admit(AdmitRequestCommand command);
}
