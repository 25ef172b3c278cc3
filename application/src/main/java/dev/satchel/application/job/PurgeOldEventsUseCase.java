package dev.satchel.application.job;

/** In-port: removes events older than the retention window ({@code SATCHEL_EVENTS_RETENTION}). */
public interface PurgeOldEventsUseCase {
  /** @return how many events were removed */
  int purge();
}
