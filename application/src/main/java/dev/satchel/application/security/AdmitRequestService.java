package dev.satchel.application.security;

import dev.satchel.domain.error.RateLimited;
import dev.satchel.domain.ratelimit.RateLimitPolicy;
import dev.satchel.domain.ratelimit.RateLimitStatus;
import dev.satchel.domain.ratelimit.RateLimiter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Applies the API-wide limits: the general bucket per user (authenticated) or per client network
 * (anonymous), then the upload bucket per user or the registration bucket per network on top. A
 * request refused by the general bucket does not touch the extra one.
 */
public final class AdmitRequestService implements AdmitRequestUseCase {
  private static final CompletionStage<List<RateLimitStatus>> NONE = CompletableFuture.completedFuture(List.of());

  private final RateLimiter limiter;
  private final RateLimits limits;

  public AdmitRequestService(RateLimiter limiter, RateLimits limits) {
    this.limiter = limiter;
    this.limits = limits;
  }

  @Override
  public CompletionStage<List<RateLimitStatus>> admit(AdmitRequestCommand command) {
    if (limits.allOff()) {
      return NONE;
    }
    Optional<String> user = command.userId();
    // The network is parsed only when a bucket is keyed by it.
    String principal = user.isPresent() ? "user:" + user.get() : network(command);
    CompletionStage<List<RateLimitStatus>> general = user.isPresent()
        ? take(List.of(), "authenticated", limits.authenticated(), principal)
        : take(List.of(), "anonymous", limits.anonymous(), principal);
    return switch (command.action()) {
      case UPLOAD -> limits.upload().isEmpty() ? general
          : general.thenCompose(applied -> take(applied, "upload", limits.upload(), principal));
      case REGISTER -> limits.register().isEmpty() ? general
          : general.thenCompose(applied -> take(applied, "register", limits.register(), network(command)));
      case OTHER -> general;
    };
  }

  private static String network(AdmitRequestCommand command) {
    return "net:" + ClientNetwork.of(command.clientAddress().get());
  }

  private CompletionStage<List<RateLimitStatus>> take(
      List<RateLimitStatus> applied, String name, Optional<RateLimitPolicy> policy, String principal) {
    if (policy.isEmpty()) {
      return CompletableFuture.completedFuture(applied);
    }
    return limiter.acquire(name + ":" + principal, policy.get()).thenApply(decision -> {
      RateLimitStatus status = new RateLimitStatus(name, decision);
      // At most the general limit came before this one.
      List<RateLimitStatus> now = applied.isEmpty() ? List.of(status) : List.of(applied.get(0), status);
      if (!decision.allowed()) {
        throw new RateLimited(status, now);
      }
      return now;
    });
  }
}
