package dev.satchel.domain.error;

import dev.satchel.domain.ratelimit.RateLimitStatus;
import java.time.Duration;
import java.util.List;

/** A request refused because one of its rate limits has no token left. */
public final class RateLimited extends SatchelError {
  private final RateLimitStatus refused;
  private final List<RateLimitStatus> statuses;

  /** {@code statuses}: every limit evaluated for the request, {@code refused} among them. */
  public RateLimited(RateLimitStatus refused, List<RateLimitStatus> statuses) {
    super("Too many requests. Try again later.");
    this.refused = refused;
    this.statuses = List.copyOf(statuses);
  }

  /** The limit that refused the request. */
  public RateLimitStatus refused() {
    return refused;
  }

  public List<RateLimitStatus> statuses() {
    return statuses;
  }

  public Duration retryAfter() {
    return refused.decision().retryAfter();
  }

  @Override
  public String code() {
    return "rate-limited";
  }
}
