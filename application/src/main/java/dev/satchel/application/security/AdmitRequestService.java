package dev.satchel.application.security;

import dev.satchel.domain.error.RateLimited;
import dev.satchel.domain.ratelimit.RateLimitDecision;
import dev.satchel.domain.ratelimit.RateLimitPolicy;
import dev.satchel.domain.ratelimit.RateLimiter;
import dev.satchel.domain.ratelimit.RateLimitStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies the API-wide limits: the general bucket per user (authenticated) or per client network
 * (anonymous), then the upload bucket per user or the registration bucket per network on top. A
 * request refused by the general bucket does not touch the extra one.
 */
public final class AdmitRequestService implements AdmitRequestUseCase {
  private final RateLimiter limiter;
  private final RateLimits limits;

  public AdmitRequestService(RateLimiter limiter, RateLimits limits) {
    this.limiter = limiter;
    this.limits = limits;
  }

  @Override
  public List<RateLimitStatus> admit(AdmitRequestCommand command) {
    if (limits.allOff()) {
      return List.of();
    }
    String network = "net:" + ClientNetwork.of(command.clientAddress());
    String principal = command.userId().map(id -> "user:" + id).orElse(network);
    List<RateLimitStatus> applied = new ArrayList<>(2);
    if (command.userId().isPresent()) {
      take(applied, "authenticated", limits.authenticated(), principal);
    } else {
      take(applied, "anonymous", limits.anonymous(), principal);
    }
    switch (command.action()) {
      case UPLOAD -> take(applied, "upload", limits.upload(), principal);
      case REGISTER -> take(applied, "register", limits.register(), network);
      case OTHER -> { }
    }
    return applied;
  }

  private void take(List<RateLimitStatus> applied, String name, Optional<RateLimitPolicy> policy, String principal) {
    if (policy.isEmpty()) {
      return;
    }
    RateLimitDecision decision = limiter.tryAcquire(name + ":" + principal, policy.get());
    RateLimitStatus status = new RateLimitStatus(name, decision);
    applied.add(status);
    if (!decision.allowed()) {
      throw new RateLimited(status, applied);
    }
  }
}
