package dev.satchel.domain.upload;

import java.io.InputStream;

/**
 * Out-port: where the bytes of unfinished resumable uploads wait. Staged bytes are durable once
 * {@link #append} returns: a later append, on any replica or after a restart, continues from the
 * returned offset. Each call gets the state the previous one returned (kept in the upload's row)
 * and never trusts more than that state says. Failures of the store are
 * {@link dev.satchel.domain.error.StorageUnavailable} or {@link dev.satchel.domain.error.StorageFull}.
 */
public interface UploadStaging {

  /** What is staged: how many bytes, and the store's bookkeeping for them. */
  record Staged(long offset, String state) {}

  /** Prepares staging for a new upload of {@code length} bytes and returns its initial state. */
  String begin(UploadId id, long length);

  /**
   * Stages {@code chunk} after the {@code staged.offset()} bytes already there, up to its end or
   * its first read failure: whatever arrived before a failure is kept. A body running past
   * {@code length} fails its own read, so no more than {@code length} bytes are ever staged.
   *
   * @return what is staged now; the caller persists it before acknowledging the new offset
   */
  Staged append(UploadId id, long length, Staged staged, InputStream chunk);

  /**
   * Turns all {@code length} staged bytes into one readable whole; returns the state to open. Sealing
   * a sealed state changes nothing. An append to a sealed state (a last PATCH retried after its
   * completion failed) finds every byte already there: it reads the chunk and counts it.
   */
  Staged seal(UploadId id, long length, Staged staged);

  /** Reads the sealed content of a finished upload from its first byte. */
  InputStream open(UploadId id, Staged sealed);

  /**
   * Releases what {@code rejected} holds beyond {@code kept}, after an append whose result is not
   * recorded (a checksum mismatch); the next append starts again from {@code kept}.
   */
  void abandon(UploadId id, Staged rejected, Staged kept);

  /** Removes everything staged for the upload; discarding twice is not an error. */
  void discard(UploadId id, Staged staged);
}
