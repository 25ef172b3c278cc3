package dev.satchel.application.job;

/** In-port: removes blobs that no live file points to. */
public interface SweepOrphanBlobsUseCase {
  /** @return how many blobs were removed */
  int sweep();
}
