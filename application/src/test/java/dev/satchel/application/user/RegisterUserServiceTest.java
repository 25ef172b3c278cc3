package dev.satchel.application.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.satchel.domain.error.EmailAlreadyRegistered;
import dev.satchel.domain.error.InvalidInput;
import dev.satchel.domain.testing.DirectTransactionBoundary;
import dev.satchel.domain.testing.FakePasswordHasher;
import dev.satchel.domain.testing.InMemoryUserRepository;
import dev.satchel.domain.testing.MutableClock;
import dev.satchel.domain.testing.SequentialIdGenerator;
import dev.satchel.domain.user.EmailAddress;
import dev.satchel.domain.user.User;
import dev.satchel.domain.user.UserId;
import dev.satchel.domain.user.UserRepository;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegisterUserServiceTest {
  private final MutableClock clock = MutableClock.at("2025-06-01T12:00:00Z");
  private final InMemoryUserRepository users = new InMemoryUserRepository();
  private final FakePasswordHasher hasher = new FakePasswordHasher();
  private final RegisterUserService service = serviceOver(users);

  @Test
  void registeredAccountKeepsAHashNeverThePassword() {
    UserId id = service.register(new RegisterUserCommand("alice@example.com", "correct horse"));

    User stored = users.findById(id).orElseThrow();
    assertThat(stored.passwordHash().encoded()).doesNotContain("correct horse");
    assertThat(hasher.verify("correct horse", stored.passwordHash())).isTrue();
    assertThat(hasher.verify("wrong horse!", stored.passwordHash())).isFalse();
  }

  @Test
  void registeredAccountHasTheTrimmedEmailAndTheClocksTime() {
    UserId id = service.register(new RegisterUserCommand("  Alice@Example.com ", "correct horse"));

    User stored = users.findById(id).orElseThrow();
    assertThat(stored.email().value()).isEqualTo("Alice@Example.com");
    assertThat(stored.createdAt()).isEqualTo(clock.instant());
  }

  @Test
  void everyAccountGetsItsOwnId() {
    UserId alice = service.register(new RegisterUserCommand("alice@example.com", "correct horse"));
    UserId bob = service.register(new RegisterUserCommand("bob@example.com", "correct horse"));

    assertThat(alice).isNotEqualTo(bob);
    assertThat(users.size()).isEqualTo(2);
  }

  @Test
  void sameEmailInAnotherCaseIsAlreadyRegistered() {
    service.register(new RegisterUserCommand("alice@example.com", "correct horse"));

    assertThatThrownBy(() -> service.register(new RegisterUserCommand("ALICE@Example.COM", "other password")))
        .isInstanceOf(EmailAlreadyRegistered.class);
    assertThat(users.size()).isEqualTo(1);
  }

  @Test
  void duplicateSlippingPastTheEarlyCheckIsCaughtByTheRepository() {
    // A concurrent registration commits between this one's check and its insert.
    InMemoryUserRepository racing = new InMemoryUserRepository() {
      @Override
      public synchronized Optional<User> findByEmail(EmailAddress email) {
        return Optional.empty();
      }
    };
    RegisterUserService racingService = serviceOver(racing);
    racingService.register(new RegisterUserCommand("alice@example.com", "correct horse"));

    assertThatThrownBy(() -> racingService.register(new RegisterUserCommand("Alice@example.com", "correct horse")))
        .isInstanceOf(EmailAlreadyRegistered.class);
    assertThat(racing.size()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "alice", "alice@", "alice@example", "al ice@example.com"})
  void invalidEmailIsInvalidInputNamingTheEmail(String email) {
    assertThatThrownBy(() -> service.register(new RegisterUserCommand(email, "correct horse")))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("email"));
    assertThat(users.size()).isZero();
  }

  @Test
  void missingEmailIsInvalidInputNamingTheEmail() {
    assertThatThrownBy(() -> service.register(new RegisterUserCommand(null, "correct horse")))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("email"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "short", "1234567"})
  void shortPasswordIsInvalidInputNamingThePasswordAndNothingIsHashed(String password) {
    assertThatThrownBy(() -> service.register(new RegisterUserCommand("alice@example.com", password)))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("password"));
    assertThat(users.size()).isZero();
    assertThat(hasher.hashCalls()).isZero();
  }

  @Test
  void commandToStringHidesThePassword() {
    assertThat(new RegisterUserCommand("alice@example.com", "correct horse").toString())
        .doesNotContain("correct horse");
  }

  private RegisterUserService serviceOver(UserRepository repository) {
    return new RegisterUserService(repository, hasher, new SequentialIdGenerator(), clock,
        new DirectTransactionBoundary());
  }
}
