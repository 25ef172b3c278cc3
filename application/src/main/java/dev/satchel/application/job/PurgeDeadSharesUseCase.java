package dev.satchel.application.job;

/** In-port: removes links that stopped working long enough ago, and tombstones nobody needs. */
public interface PurgeDeadSharesUseCase {
  /** @return how many rows were removed */
  int purge();
}
