package dev.satchel.bootstrap.jobs;

import dev.satchel.bootstrap.config.SatchelConfig;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.inject.Singleton;

/** Skips scheduled jobs when {@code satchel.jobs.enabled=false} (tests trigger them by hand). */
@Singleton
public class JobsDisabled implements Scheduled.SkipPredicate {
  private final SatchelConfig config;

  public JobsDisabled(SatchelConfig config) {
    this.config = config;
  }

  @Override
  public boolean test(ScheduledExecution execution) {
    return !config.jobs().enabled();
  }
}
