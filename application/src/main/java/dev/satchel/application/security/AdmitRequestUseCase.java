package dev.satchel.application.security;

import dev.satchel.domain.ratelimit.RateLimitStatus;
import java.util.List;

/** In-port: lets a request through its rate limits, or refuses it. */
public interface AdmitRequestUseCase {

  /**
   * Takes one token from each limit that applies to the request.
   *
   * @return the state of every limit applied (empty when all are off), for the response headers
   * @throws dev.satchel.domain.error.RateLimited when one of them is exhausted
   */
  List<RateLimitStatus> admit(AdmitRequestCommand command);
}
