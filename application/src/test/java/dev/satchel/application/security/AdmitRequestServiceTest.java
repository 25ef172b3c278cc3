package dev.satchel.application.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.satchel.application.security.AdmitRequestCommand.Action;
import dev.satchel.domain.error.RateLimited;
import dev.satchel.domain.ratelimit.RateLimitPolicy;
import dev.satchel.domain.ratelimit.RateLimitStatus;
import dev.satchel.domain.testing.NonRefillingRateLimiter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class AdmitRequestServiceTest {
  private static final Optional<RateLimitPolicy> TWO = RateLimitPolicy.parse("2/1m");
  private static final Optional<RateLimitPolicy> ONE = RateLimitPolicy.parse("1/1h");

  private final NonRefillingRateLimiter limiter = new NonRefillingRateLimiter();
  private final AdmitRequestService service = new AdmitRequestService(limiter, new RateLimits(TWO, TWO, ONE, ONE));

  /** The service's answer, waited for; a refusal is thrown as itself, not wrapped. */
  private List<RateLimitStatus> admit(AdmitRequestCommand command) {
    try {
      return service.admit(command).toCompletableFuture().join();
    } catch (CompletionException e) {
      throw (RuntimeException) e.getCause();
    }
  }

  private static AdmitRequestCommand user(String id, Action action) {
    return new AdmitRequestCommand(Optional.of(id), "203.0.113.7", action);
  }

  private static AdmitRequestCommand anonymous(String address, Action action) {
    return new AdmitRequestCommand(Optional.empty(), address, action);
  }

  @Test
  void authenticatedRequestsCountPerUserNotPerNetwork() {
    admit(user("alice", Action.OTHER));
    List<RateLimitStatus> second = admit(user("alice", Action.OTHER));

    assertThat(second).singleElement().satisfies(s -> {
      assertThat(s.limit()).isEqualTo("authenticated");
      assertThat(s.decision().remaining()).isZero();
    });
    RateLimited refused = catchThrowableOfType(RateLimited.class, () -> admit(user("alice", Action.OTHER)));
    assertThat(refused.refused().limit()).isEqualTo("authenticated");
    assertThat(admit(user("bob", Action.OTHER))).hasSize(1);
    assertThat(admit(anonymous("203.0.113.7", Action.OTHER))).hasSize(1);
  }

  @Test
  void anonymousRequestsCountPerIpv6Slash64() {
    admit(anonymous("2001:db8:1:2::1", Action.OTHER));
    admit(anonymous("2001:db8:1:2:ffff::9", Action.OTHER));

    assertThat(catchThrowableOfType(RateLimited.class, () -> admit(anonymous("[2001:db8:1:2::77]", Action.OTHER)))
        .refused().limit()).isEqualTo("anonymous");
    assertThat(admit(anonymous("2001:db8:1:3::1", Action.OTHER))).hasSize(1);
  }

  @Test
  void uploadsHaveAnExtraBucketPerUser() {
    List<RateLimitStatus> first = admit(user("alice", Action.UPLOAD));

    assertThat(first).extracting(RateLimitStatus::limit).containsExactly("authenticated", "upload");
    RateLimited refused = catchThrowableOfType(RateLimited.class, () -> admit(user("alice", Action.UPLOAD)));
    assertThat(refused.refused().limit()).isEqualTo("upload");
    assertThat(refused.statuses()).extracting(RateLimitStatus::limit).containsExactly("authenticated", "upload");
    assertThat(refused.retryAfter()).isPositive();
  }

  @Test
  void registrationHasAnExtraBucketPerNetwork() {
    admit(anonymous("198.51.100.1", Action.REGISTER));

    assertThat(catchThrowableOfType(RateLimited.class, () -> admit(anonymous("198.51.100.1", Action.REGISTER)))
        .refused().limit()).isEqualTo("register");
    assertThat(admit(anonymous("198.51.100.2", Action.REGISTER))).hasSize(2);
  }

  @Test
  void aRequestRefusedByTheGeneralBucketLeavesTheExtraOneAlone() {
    admit(user("carol", Action.OTHER));
    admit(user("carol", Action.OTHER));

    catchThrowableOfType(RateLimited.class, () -> admit(user("carol", Action.UPLOAD)));

    assertThat(limiter.askedKeys()).noneMatch(key -> key.startsWith("upload:"));
  }

  @Test
  void switchedOffLimitsCostNothing() {
    AdmitRequestService off = new AdmitRequestService(limiter, RateLimits.OFF);

    for (int i = 0; i < 10; i++) {
      assertThat(off.admit(user("dave", Action.UPLOAD)).toCompletableFuture().join()).isEmpty();
    }
    assertThat(limiter.askedKeys()).isEmpty();
  }

  @Test
  void onlyTheLimitsThatAreOnApply() {
    AdmitRequestService uploadsOnly = new AdmitRequestService(limiter,
        new RateLimits(Optional.empty(), Optional.empty(), ONE, Optional.empty()));

    assertThat(uploadsOnly.admit(user("erin", Action.OTHER)).toCompletableFuture().join()).isEmpty();
    assertThat(uploadsOnly.admit(user("erin", Action.UPLOAD)).toCompletableFuture().join())
        .extracting(RateLimitStatus::limit).containsExactly("upload");
    assertThat(uploadsOnly.admit(anonymous("192.0.2.1", Action.REGISTER)).toCompletableFuture().join()).isEmpty();
  }

  @Test
  void anAuthenticatedRequestNeverResolvesTheClientAddress() {
    AdmitRequestCommand command = new AdmitRequestCommand(Optional.of("frank"), () -> {
      throw new AssertionError("the address was resolved for a per-user limit");
    }, Action.UPLOAD);

    assertThat(admit(command)).extracting(RateLimitStatus::limit).containsExactly("authenticated", "upload");
  }
}
