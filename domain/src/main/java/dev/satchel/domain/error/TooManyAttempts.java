package dev.satchel.domain.error;

import java.time.Duration;

/** Too many failed attempts from this client; it may try again after {@link #retryAfter()}. */
public final class TooManyAttempts extends SatchelError {
  private final Duration retryAfter;

  public TooManyAttempts(Duration retryAfter) {
    super("Too many failed attempts. Try again later.");
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }

  @Override
  public String code() {
    return "too-many-attempts";
  }
}
