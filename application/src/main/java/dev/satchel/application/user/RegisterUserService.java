package dev.satchel.application.user;

import dev.satchel.domain.error.EmailAlreadyRegistered;
import dev.satchel.domain.id.IdGenerator;
import dev.satchel.domain.tx.TransactionBoundary;
import dev.satchel.domain.user.EmailAddress;
import dev.satchel.domain.user.Password;
import dev.satchel.domain.user.PasswordHasher;
import dev.satchel.domain.user.User;
import dev.satchel.domain.user.UserId;
import dev.satchel.domain.user.UserRepository;
import java.time.Clock;

/** Validates, hashes and stores a new account; the email's uniqueness is the repository's to enforce. */
public final class RegisterUserService implements RegisterUserUseCase {
  private final UserRepository users;
  private final PasswordHasher hasher;
  private final IdGenerator ids;
  private final Clock clock;
  private final TransactionBoundary tx;

  public RegisterUserService(
      UserRepository users, PasswordHasher hasher, IdGenerator ids, Clock clock, TransactionBoundary tx) {
    this.users = users;
    this.hasher = hasher;
    this.ids = ids;
    this.clock = clock;
    this.tx = tx;
  }

  @Override
  public UserId register(RegisterUserCommand command) {
    EmailAddress email = new EmailAddress(command.email());
    Password password = new Password(command.password());
    // Cheap early answer for the common duplicate; the unique index still decides races.
    if (tx.inTransaction(() -> users.findByEmail(email)).isPresent()) {
      throw new EmailAlreadyRegistered();
    }
    User user = new User(new UserId(ids.newId()), email, hasher.hash(password), clock.instant());
    tx.inTransaction(() -> users.add(user));
    return user.id();
  }
}
