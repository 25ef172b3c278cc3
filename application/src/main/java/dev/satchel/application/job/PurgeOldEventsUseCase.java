package dev.satchel.application.job;

/** In-port: removes events older than the retention window ({@code SATCHEL_EVENTS_RETENTION}) and stale tickets. */
public interface PurgeOldEventsUseCase {
  /** @return how many events were removed */
  int purge();
}
