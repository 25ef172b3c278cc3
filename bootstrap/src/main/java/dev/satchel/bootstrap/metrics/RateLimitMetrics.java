package dev.satchel.bootstrap.metrics;

import dev.satchel.application.security.AdmitRequestUseCase;
import dev.satchel.application.share.OpenShareCommand;
import dev.satchel.application.share.OpenSharedFileUseCase;
import dev.satchel.application.share.SharedFile;
import dev.satchel.application.share.UnlockedShare;
import dev.satchel.application.user.LogInUseCase;
import dev.satchel.domain.error.RateLimited;
import dev.satchel.domain.error.TooManyAttempts;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/** Counts requests refused for exceeding a rate limit ({@code satchel_rate_limit_rejections_total}). */
public final class RateLimitMetrics {
  private final MeterRegistry metrics;

  public RateLimitMetrics(MeterRegistry metrics) {
    this.metrics = metrics;
  }

  private <T> T counting(String limit, Supplier<T> call) {
    try {
      return call.get();
    } catch (TooManyAttempts e) {
      metrics.counter("satchel.rate.limit.rejections", "limit", limit).increment();
      throw e;
    }
  }

  /** Counts API-wide refusals by the limit that refused: authenticated, anonymous, upload, register. */
  public AdmitRequestUseCase admit(AdmitRequestUseCase delegate) {
    return command -> delegate.admit(command).whenComplete((applied, failure) -> {
      Throwable cause = failure instanceof CompletionException wrapped ? wrapped.getCause() : failure;
      if (cause instanceof RateLimited e) {
        metrics.counter("satchel.rate.limit.rejections", "limit", e.refused().limit()).increment();
      }
    });
  }

  public LogInUseCase logIn(LogInUseCase delegate) {
    return command -> counting("login", () -> delegate.logIn(command));
  }

  public OpenSharedFileUseCase openShared(OpenSharedFileUseCase delegate) {
    return new OpenSharedFileUseCase() {
      @Override
      public SharedFile inspect(OpenShareCommand command) {
        return counting("share-password", () -> delegate.inspect(command));
      }

      // Never a password check, so never throttled: nothing to count.
      @Override
      public Optional<SharedFile> inspectWithoutWaiting(OpenShareCommand command) {
        return delegate.inspectWithoutWaiting(command);
      }

      @Override
      public SharedFile claimDownload(SharedFile inspected) {
        return delegate.claimDownload(inspected);
      }

      @Override
      public UnlockedShare unlock(OpenShareCommand command) {
        return counting("share-password", () -> delegate.unlock(command));
      }
    };
  }
}
