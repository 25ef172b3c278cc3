package dev.satchel.domain.upload;

import dev.satchel.domain.file.FileId;
import dev.satchel.domain.user.UserId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Out-port: the records of resumable uploads. Writers of an upload's bytes hold its lease, a
 * token with an expiry stored on the row, taken by one conditional update, so that of two
 * concurrent writers (on any replica) exactly one wins; a crashed holder's lease simply runs out.
 * Callers provide the transaction.
 */
public interface ResumableUploadRepository {
  void add(ResumableUpload upload);

  Optional<ResumableUpload> find(UploadId id);

  /**
   * Takes the lease of an unfinished upload whose lease is free or ran out by {@code now}; the
   * caller checks expiry itself (the expiry job claims expired uploads too).
   *
   * @return false when another writer holds it, or the upload is gone or finished
   */
  boolean claim(UploadId id, UUID token, Instant now, Instant leaseUntil);

  /**
   * Extends, in one step, every lease among {@code tokens} that is still held (a replica renews all
   * of its leases together).
   *
   * @return the tokens whose lease now runs to {@code leaseUntil}; any other was lost (it ran out
   *     and another writer took it, or it was freed)
   */
  Set<UUID> renewAll(Collection<UUID> tokens, Instant leaseUntil);

  /** Records newly staged bytes and frees the lease; false when the lease was lost. */
  boolean advance(UploadId id, UUID token, long offset, String stagingState);

  /**
   * Records the staging store's state while the lease stays held: the sealed state of a finishing
   * upload, which a retried last PATCH must find if the completion fails. False when the lease was lost.
   */
  boolean restage(UploadId id, UUID token, String stagingState);

  /** Records the upload as having become {@code file}, at its full length, and frees the lease. */
  boolean complete(UploadId id, UUID token, FileId file);

  /** Frees a lease without changes. */
  void release(UploadId id, UUID token);

  void delete(UploadId id);

  /** Up to {@code limit} uploads whose expiry passed by {@code now}, finished or not, oldest first. */
  List<ResumableUpload> expiredBy(Instant now, int limit);

  /** Bytes announced by the owner's unfinished, unexpired uploads: room they may still take. */
  long pendingBytes(UserId owner, Instant now);
}
