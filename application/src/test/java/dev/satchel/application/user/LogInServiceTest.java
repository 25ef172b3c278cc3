package dev.satchel.application.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.satchel.application.security.AttemptLimiter;
import dev.satchel.domain.auth.AccessToken;
import dev.satchel.domain.error.InvalidCredentials;
import dev.satchel.domain.error.InvalidInput;
import dev.satchel.domain.error.TooManyAttempts;
import dev.satchel.domain.testing.DirectTransactionBoundary;
import dev.satchel.domain.testing.FakePasswordHasher;
import dev.satchel.domain.testing.FakeTokenIssuer;
import dev.satchel.domain.testing.InMemoryAttemptCounter;
import dev.satchel.domain.testing.InMemoryUserRepository;
import dev.satchel.domain.testing.MutableClock;
import dev.satchel.domain.user.EmailAddress;
import dev.satchel.domain.user.Password;
import dev.satchel.domain.user.PasswordHash;
import dev.satchel.domain.user.User;
import dev.satchel.domain.user.UserId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LogInServiceTest {
  private static final String PASSWORD = "correct horse";
  private static final String HOME = "203.0.113.7";
  private static final String ELSEWHERE = "198.51.100.9";
  private static final int CURRENT_COST = 2;
  private static final AttemptLimiter.Policy PER_NETWORK =
      new AttemptLimiter.Policy(3, Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofMinutes(30));
  private static final AttemptLimiter.Policy PER_ACCOUNT =
      new AttemptLimiter.Policy(10, Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofMinutes(30));

  private final MutableClock clock = MutableClock.at("2025-06-01T12:00:00Z");
  private final InMemoryUserRepository users = new InMemoryUserRepository();
  private final FakePasswordHasher hasher = new FakePasswordHasher(CURRENT_COST);
  private final InMemoryAttemptCounter counter = new InMemoryAttemptCounter(clock);
  private final LogInService service = new LogInService(users, hasher, new FakeTokenIssuer(),
      new AttemptLimiter(counter, PER_NETWORK), new AttemptLimiter(counter, PER_ACCOUNT),
      new DirectTransactionBoundary());
  private User alice;

  @BeforeEach
  void registerAlice() {
    alice = addUser("alice@example.com", hasher.hash(new Password(PASSWORD)));
  }

  @Test
  void rightCredentialsGiveATokenForThatUser() {
    AccessToken token = logIn("alice@example.com", PASSWORD, HOME);

    assertThat(token.value()).isEqualTo(FakeTokenIssuer.valueFor(alice.id()));
  }

  @Test
  void emailIsMatchedIgnoringCaseAndSurroundingSpaces() {
    assertThat(logIn("  ALICE@Example.com ", PASSWORD, HOME).value()).isEqualTo(FakeTokenIssuer.valueFor(alice.id()));
  }

  @Test
  void wrongPasswordIsInvalidCredentials() {
    assertThatThrownBy(() -> logIn("alice@example.com", "wrong horse", HOME)).isInstanceOf(InvalidCredentials.class);
  }

  @Test
  void unknownEmailIsInvalidCredentialsToo() {
    assertThatThrownBy(() -> logIn("nobody@example.com", PASSWORD, HOME)).isInstanceOf(InvalidCredentials.class);
  }

  @Test
  void malformedEmailIsInvalidCredentialsNotInvalidInput() {
    assertThatThrownBy(() -> logIn("not-an-email", PASSWORD, HOME)).isInstanceOf(InvalidCredentials.class);
  }

  @Test
  void unknownEmailCostsOnePasswordCheckLikeAWrongPassword() {
    int before = hasher.verifyCalls();
    assertThatThrownBy(() -> logIn("nobody@example.com", PASSWORD, HOME)).isInstanceOf(InvalidCredentials.class);
    int forUnknownEmail = hasher.verifyCalls() - before;

    before = hasher.verifyCalls();
    assertThatThrownBy(() -> logIn("alice@example.com", "wrong horse", HOME)).isInstanceOf(InvalidCredentials.class);
    int forWrongPassword = hasher.verifyCalls() - before;

    assertThat(forUnknownEmail).isEqualTo(forWrongPassword).isEqualTo(1);
  }

  @Test
  void theTimingDummyPasswordOpensNoAccount() {
    assertThatThrownBy(() -> logIn("nobody@example.com", "satchel-timing-equalizer", HOME))
        .isInstanceOf(InvalidCredentials.class);
  }

  @Test
  void weakHashIsUpgradedOnSuccessfulLogin() {
    PasswordHash weak = new FakePasswordHasher(1).hash(new Password("weak but right"));
    User bob = addUser("bob@example.com", weak);

    logIn("bob@example.com", "weak but right", HOME);

    PasswordHash upgraded = users.findById(bob.id()).orElseThrow().passwordHash();
    assertThat(FakePasswordHasher.costOf(upgraded)).isEqualTo(CURRENT_COST);
    assertThat(hasher.verify("weak but right", upgraded)).isTrue();
  }

  @Test
  void currentHashIsLeftAlone() {
    int hashesBefore = hasher.hashCalls();

    logIn("alice@example.com", PASSWORD, HOME);

    assertThat(users.findById(alice.id()).orElseThrow().passwordHash()).isEqualTo(alice.passwordHash());
    assertThat(hasher.hashCalls()).isEqualTo(hashesBefore);
  }

  @Test
  void failedLoginNeverUpgradesTheHash() {
    PasswordHash weak = new FakePasswordHasher(1).hash(new Password("weak but right"));
    User bob = addUser("bob@example.com", weak);

    assertThatThrownBy(() -> logIn("bob@example.com", "wrong guess", HOME)).isInstanceOf(InvalidCredentials.class);

    assertThat(users.findById(bob.id()).orElseThrow().passwordHash()).isEqualTo(weak);
  }

  @Test
  void repeatedFailuresFromOneNetworkAreThrottledEvenWithTheRightPassword() {
    failFrom(HOME, 3);

    assertThatThrownBy(() -> logIn("alice@example.com", PASSWORD, HOME))
        .isInstanceOfSatisfying(TooManyAttempts.class, e -> assertThat(e.retryAfter()).isPositive());
  }

  @Test
  void throttledAttemptsAreNotCheckedAgainstThePassword() {
    failFrom(HOME, 3);
    int before = hasher.verifyCalls();

    assertThatThrownBy(() -> logIn("alice@example.com", "another guess", HOME)).isInstanceOf(TooManyAttempts.class);

    assertThat(hasher.verifyCalls()).isEqualTo(before);
  }

  @Test
  void theSameAccountStillLogsInFromAnotherNetwork() {
    failFrom(HOME, 3);

    assertThat(logIn("alice@example.com", PASSWORD, ELSEWHERE).value()).isEqualTo(FakeTokenIssuer.valueFor(alice.id()));
  }

  @Test
  void addressesInOneIpv6Slash64CountAsOneNetwork() {
    failFrom("2001:db8:1:2::1", 3);

    assertThatThrownBy(() -> logIn("alice@example.com", PASSWORD, "2001:db8:1:2::abcd"))
        .isInstanceOf(TooManyAttempts.class);
    assertThat(logIn("alice@example.com", PASSWORD, "2001:db8:1:3::1")).isNotNull();
  }

  @Test
  void throttleLiftsOnceTheDelayHasPassed() {
    failFrom(HOME, 3);

    clock.advance(Duration.ofSeconds(1));

    assertThat(logIn("alice@example.com", PASSWORD, HOME)).isNotNull();
  }

  @Test
  void unknownEmailsAreThrottledLikeKnownOnes() {
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> logIn("nobody@example.com", "guess", HOME)).isInstanceOf(InvalidCredentials.class);
    }

    assertThatThrownBy(() -> logIn("nobody@example.com", "guess", HOME)).isInstanceOf(TooManyAttempts.class);
  }

  @Test
  void successResetsTheCountForThatAccountAndNetwork() {
    failFrom(HOME, 2);
    logIn("alice@example.com", PASSWORD, HOME);

    // Without the reset the second of these would already be throttled.
    failFrom(HOME, 2);

    assertThat(logIn("alice@example.com", PASSWORD, HOME)).isNotNull();
  }

  @Test
  void failuresFromManyNetworksHitTheLooserPerAccountCeiling() {
    for (int i = 1; i <= 10; i++) {
      failFrom("192.0.2." + i, 1);
    }

    assertThatThrownBy(() -> logIn("alice@example.com", PASSWORD, "192.0.2.200"))
        .isInstanceOf(TooManyAttempts.class);
  }

  @Test
  void parallelWrongPasswordsGetNoMoreThanTheFreeAttemptsBetweenThem() throws Exception {
    List<Class<?>> outcomes = inParallel(24, () -> logIn("alice@example.com", "parallel guess", HOME));

    assertThat(outcomes).filteredOn(InvalidCredentials.class::equals).hasSize(PER_NETWORK.freeAttempts());
    assertThat(outcomes).filteredOn(TooManyAttempts.class::equals).hasSize(24 - PER_NETWORK.freeAttempts());
    assertThat(counter.count("login:alice@example.com|v4:203.0.113.7")).isEqualTo(PER_NETWORK.freeAttempts());
  }

  @Test
  void successfulLoginsDoNotCountAgainstTheAccount() {
    for (int i = 0; i < 2 * PER_ACCOUNT.freeAttempts(); i++) {
      logIn("alice@example.com", PASSWORD, "192.0.2." + (i + 1));
    }

    assertThat(counter.count("login:alice@example.com")).isZero();
  }

  @Test
  void anAttemptRefusedForTheAccountIsNotCountedForItsNetwork() {
    for (int i = 1; i <= 10; i++) {
      failFrom("192.0.2." + i, 1);
    }

    assertThatThrownBy(() -> logIn("alice@example.com", "guess", HOME)).isInstanceOf(TooManyAttempts.class);

    assertThat(counter.count("login:alice@example.com|v4:203.0.113.7")).isZero();
  }

  @Test
  void anAttemptThatReachesNoVerdictIsNotCounted() {
    LogInService failing = new LogInService(new InMemoryUserRepository() {
      @Override
      public synchronized Optional<User> findByEmail(EmailAddress email) {
        throw new IllegalStateException("database down");
      }
    }, hasher, new FakeTokenIssuer(), new AttemptLimiter(counter, PER_NETWORK),
        new AttemptLimiter(counter, PER_ACCOUNT), new DirectTransactionBoundary());

    assertThatThrownBy(() -> failing.logIn(new LogInCommand("alice@example.com", "guess", HOME)))
        .isInstanceOf(IllegalStateException.class);

    assertThat(counter.count("login:alice@example.com|v4:203.0.113.7")).isZero();
    assertThat(counter.count("login:alice@example.com")).isZero();
  }

  @Test
  void missingEmailOrPasswordIsInvalidInputNamingIt() {
    assertThatThrownBy(() -> service.logIn(new LogInCommand(null, PASSWORD, HOME)))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("email"));
    assertThatThrownBy(() -> service.logIn(new LogInCommand("alice@example.com", null, HOME)))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("password"));
  }

  @Test
  void absurdlyLongPasswordIsRejectedBeforeHashing() {
    int before = hasher.verifyCalls();

    assertThatThrownBy(() -> logIn("alice@example.com", "x".repeat(2049), HOME))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("password"));
    assertThat(hasher.verifyCalls()).isEqualTo(before);
  }

  @Test
  void absurdlyLongEmailIsRejectedBeforeCountingOrHashing() {
    int before = hasher.verifyCalls();

    assertThatThrownBy(() -> logIn("a".repeat(100_000) + "@example.com", PASSWORD, HOME))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("email"));
    assertThat(hasher.verifyCalls()).isEqualTo(before);
  }

  @Test
  void commandToStringHidesThePassword() {
    assertThat(new LogInCommand("alice@example.com", PASSWORD, HOME).toString()).doesNotContain(PASSWORD);
  }

  private AccessToken logIn(String email, String password, String address) {
    return service.logIn(new LogInCommand(email, password, address));
  }

  private void failFrom(String address, int times) {
    for (int i = 0; i < times; i++) {
      assertThatThrownBy(() -> logIn("alice@example.com", "wrong horse", address))
          .isInstanceOf(InvalidCredentials.class);
    }
  }

  private User addUser(String email, PasswordHash hash) {
    User user = new User(new UserId(UUID.randomUUID()), new EmailAddress(email), hash, clock.instant());
    users.add(user);
    return user;
  }

  // Runs the call on many threads released together; returns the exception class of each (or Void).
  private static List<Class<?>> inParallel(int threads, Runnable call) throws Exception {
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Class<?>>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        futures.add(pool.submit(() -> {
          start.await(10, TimeUnit.SECONDS);
          try {
            call.run();
            return Void.class;
          } catch (RuntimeException e) {
            return e.getClass();
          }
        }));
      }
      List<Class<?>> outcomes = new ArrayList<>();
      for (Future<Class<?>> future : futures) {
        outcomes.add(future.get(10, TimeUnit.SECONDS));
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }
}
