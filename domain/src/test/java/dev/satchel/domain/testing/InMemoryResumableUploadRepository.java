package dev.satchel.domain.testing;

import dev.satchel.domain.file.FileId;
import dev.satchel.domain.upload.ResumableUpload;
import dev.satchel.domain.upload.ResumableUploadRepository;
import dev.satchel.domain.upload.UploadId;
import dev.satchel.domain.user.UserId;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Uploads in a map; every method is synchronized, so a lease check and its write are one step. */
public class InMemoryResumableUploadRepository implements ResumableUploadRepository {
  private record Lease(UUID token, Instant until) {}

  private final Map<UploadId, ResumableUpload> uploads = new HashMap<>();
  private final Map<UploadId, Lease> leases = new HashMap<>();

  @Override
  public synchronized void add(ResumableUpload upload) {
    if (uploads.putIfAbsent(upload.id(), upload) != null) {
      throw new IllegalStateException("duplicate upload id");
    }
  }

  @Override
  public synchronized Optional<ResumableUpload> find(UploadId id) {
    return Optional.ofNullable(uploads.get(id));
  }

  @Override
  public synchronized boolean claim(UploadId id, UUID token, Instant now, Instant leaseUntil) {
    ResumableUpload upload = uploads.get(id);
    Lease lease = leases.get(id);
    if (upload == null || upload.isComplete() || (lease != null && lease.until().isAfter(now))) {
      return false;
    }
    leases.put(id, new Lease(token, leaseUntil));
    return true;
  }

  @Override
  public synchronized Set<UUID> renewAll(Collection<UUID> tokens, Instant leaseUntil) {
    Set<UUID> renewed = new HashSet<>();
    leases.replaceAll((id, lease) -> {
      if (tokens.contains(lease.token()) && uploads.containsKey(id)) {
        renewed.add(lease.token());
        return new Lease(lease.token(), leaseUntil);
      }
      return lease;
    });
    return renewed;
  }

  @Override
  public synchronized boolean advance(UploadId id, UUID token, long offset, String stagingState) {
    if (!holds(id, token)) {
      return false;
    }
    uploads.put(id, uploads.get(id).withStaged(offset, stagingState));
    leases.remove(id);
    return true;
  }

  @Override
  public synchronized boolean restage(UploadId id, UUID token, String stagingState) {
    if (!holds(id, token)) {
      return false;
    }
    ResumableUpload upload = uploads.get(id);
    uploads.put(id, upload.withStaged(upload.offset(), stagingState));
    return true;
  }

  @Override
  public synchronized boolean complete(UploadId id, UUID token, FileId file) {
    if (!holds(id, token)) {
      return false;
    }
    uploads.put(id, uploads.get(id).completedAs(file));
    leases.remove(id);
    return true;
  }

  @Override
  public synchronized void release(UploadId id, UUID token) {
    if (holds(id, token)) {
      leases.remove(id);
    }
  }

  @Override
  public synchronized void delete(UploadId id) {
    uploads.remove(id);
    leases.remove(id);
  }

  @Override
  public synchronized List<ResumableUpload> expiredBy(Instant now, int limit) {
    return uploads.values().stream()
        .filter(upload -> !upload.expiresAt().isAfter(now))
        .sorted(Comparator.comparing(ResumableUpload::expiresAt))
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized long pendingBytes(UserId owner, Instant now) {
    return uploads.values().stream()
        .filter(u -> u.isOwnedBy(owner) && !u.isComplete() && u.expiresAt().isAfter(now))
        .mapToLong(ResumableUpload::length)
        .sum();
  }

  private boolean holds(UploadId id, UUID token) {
    Lease lease = leases.get(id);
    return uploads.containsKey(id) && lease != null && lease.token().equals(token);
  }
}
