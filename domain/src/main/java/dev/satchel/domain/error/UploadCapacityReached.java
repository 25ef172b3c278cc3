package dev.satchel.domain.error;

import java.time.Duration;

/** The service has as many uploads in flight as it accepts at once; retry a little later. */
public final class UploadCapacityReached extends SatchelError {
  private final Duration retryAfter;

  public UploadCapacityReached(Duration retryAfter) {
    super("The service is handling as many uploads as it can. Try again shortly.");
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }

  @Override
  public String code() {
    return "upload-capacity-reached";
  }
}
