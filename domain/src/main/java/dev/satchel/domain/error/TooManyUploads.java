package dev.satchel.domain.error;

import java.time.Duration;

/** The caller already has as many uploads in flight as one user may; retry after one ends. */
public final class TooManyUploads extends SatchelError {
  private final Duration retryAfter;

  public TooManyUploads(int limit, Duration retryAfter) {
    super("You already have " + limit + " uploads in progress. Wait for one to finish.");
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }

  @Override
  public String code() {
    return "too-many-uploads";
  }
}
