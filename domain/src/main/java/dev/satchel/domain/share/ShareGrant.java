package dev.satchel.domain.share;

import java.time.Instant;
import java.util.Objects;

/**
 * Proof that a visitor gave the right password of one link, valid until {@link #expiresAt()}: it
 * stands in for the password on that link only, so the slow password hash runs once per visitor.
 */
public record ShareGrant(ShareId link, Instant expiresAt) {
  public ShareGrant {
    Objects.requireNonNull(link, "link");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** True when this grant was made for {@code candidate} and has not expired at {@code now}. */
  public boolean admits(ShareLink candidate, Instant now) {
    return link.equals(candidate.id()) && now.isBefore(expiresAt);
  }
}
