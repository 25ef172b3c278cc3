package dev.satchel.application.upload;

import dev.satchel.domain.tx.TransactionBoundary;
import dev.satchel.domain.upload.ResumableUploadRepository;
import dev.satchel.domain.upload.UploadId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The leases this replica holds on resumable uploads, kept alive together: {@link #renew} extends
 * all of them in one statement and is run every third of a lease, whatever each writer is doing
 * (waiting for a slow client, uploading a part to S3, completing a large file). So a lease can be
 * short: a replica that crashed stops renewing, and its uploads are free to resume elsewhere (or on
 * its successor) one lease later, within a tus client's default retries. A lease found gone at a
 * renewal is marked lost, and its writer stops at its next check ({@link #isHeld}).
 */
public final class UploadLeases {
  private final ResumableUploadRepository uploads;
  private final TransactionBoundary tx;
  private final Clock clock;
  private final Duration lease;
  /** Token → still held (true) or found lost (false). */
  private final Map<UUID, Boolean> held = new ConcurrentHashMap<>();

  /** @throws IllegalArgumentException for a lease under one second, which renewals could not keep */
  public UploadLeases(ResumableUploadRepository uploads, TransactionBoundary tx, Clock clock, Duration lease) {
    if (lease.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("an upload lease must be at least 1 s, not " + lease);
    }
    this.uploads = uploads;
    this.tx = tx;
    this.clock = clock;
    this.lease = lease;
  }

  /** How long a lease runs from a claim or a renewal. */
  public Duration lease() {
    return lease;
  }

  /** How often {@link #renew} must run: a third of a lease, so two renewals may fail in a row. */
  public Duration renewalInterval() {
    return lease.dividedBy(3);
  }

  /**
   * Takes the lease of upload {@code id} for {@code token}, one lease from {@code now}, in its own
   * transaction, and keeps renewing it until {@link #drop}.
   *
   * @return false when another writer holds it, or the upload is gone or finished
   */
  public boolean claim(UploadId id, UUID token, Instant now) {
    if (!tx.inTransaction(() -> uploads.claim(id, token, now, now.plus(lease)))) {
      return false;
    }
    held.put(token, Boolean.TRUE);
    return true;
  }

  /** Stops renewing {@code token}'s lease: it was freed, recorded or given up. */
  public void drop(UUID token) {
    held.remove(token);
  }

  /** False once a renewal found the lease gone (or it was never held here). */
  public boolean isHeld(UUID token) {
    return Boolean.TRUE.equals(held.get(token));
  }

  /**
   * Extends every lease held here to one lease from now, in one transaction; a lease that could not
   * be extended is marked lost.
   *
   * @return how many leases were extended
   */
  public int renew() {
    List<UUID> tokens = held.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
    if (tokens.isEmpty()) {
      return 0;
    }
    Set<UUID> renewed = tx.inTransaction(() -> uploads.renewAll(tokens, clock.instant().plus(lease)));
    for (UUID token : tokens) {
      if (!renewed.contains(token)) {
        held.computeIfPresent(token, (t, wasHeld) -> Boolean.FALSE); // a drop meanwhile wins
      }
    }
    return renewed.size();
  }
}
