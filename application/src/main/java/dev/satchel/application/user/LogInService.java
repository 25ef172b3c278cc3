package dev.satchel.application.user;

import dev.satchel.application.security.AttemptLimiter;
import dev.satchel.application.security.ClientNetwork;
import dev.satchel.domain.auth.AccessToken;
import dev.satchel.domain.auth.TokenIssuer;
import dev.satchel.domain.error.InvalidCredentials;
import dev.satchel.domain.error.InvalidInput;
import dev.satchel.domain.tx.TransactionBoundary;
import dev.satchel.domain.user.EmailAddress;
import dev.satchel.domain.user.Password;
import dev.satchel.domain.user.PasswordHash;
import dev.satchel.domain.user.PasswordHasher;
import dev.satchel.domain.user.User;
import dev.satchel.domain.user.UserRepository;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks credentials without revealing which accounts exist, throttles guessing per account and
 * client network (with a looser ceiling per account alone, so no attacker can lock a user out
 * from everywhere), and upgrades weak password hashes on success.
 */
public final class LogInService implements LogInUseCase {
  private final UserRepository users;
  private final PasswordHasher hasher;
  private final TokenIssuer tokens;
  private final AttemptLimiter perAccountAndNetwork;
  private final AttemptLimiter perAccount;
  private final TransactionBoundary tx;
  private volatile PasswordHash dummyHash;

  public LogInService(
      UserRepository users,
      PasswordHasher hasher,
      TokenIssuer tokens,
      AttemptLimiter perAccountAndNetwork,
      AttemptLimiter perAccount,
      TransactionBoundary tx) {
    this.users = users;
    this.hasher = hasher;
    this.tokens = tokens;
    this.perAccountAndNetwork = perAccountAndNetwork;
    this.perAccount = perAccount;
    this.tx = tx;
  }

  @Override
  public AccessToken logIn(LogInCommand command) {
    if (command.email() == null || command.password() == null) {
      throw new InvalidInput(command.email() == null ? "email" : "password", "email and password are required.");
    }
    if (command.password().length() > Password.MAX_LENGTH * 2) {
      throw new InvalidInput("password", "password is too long.");
    }
    // No account has a longer address; refusing it keeps megabyte keys out of the attempt counters.
    if (command.email().strip().length() > EmailAddress.MAX_LENGTH) {
      throw new InvalidInput("email", "email is too long.");
    }
    String account = command.email().strip().toLowerCase(Locale.ROOT);
    String accountAndNetwork = "login:" + account + "|" + ClientNetwork.of(command.clientAddress());
    String accountOnly = "login:" + account;
    perAccountAndNetwork.ensureAllowed(accountAndNetwork);
    perAccount.ensureAllowed(accountOnly);

    Optional<User> user = findUser(command.email());
    // Unknown accounts are checked against a dummy hash so both failures take the same time.
    boolean valid = hasher.verify(Password.comparable(command.password()), user.map(User::passwordHash).orElseGet(this::dummyHash))
        && user.isPresent();
    if (!valid) {
      perAccountAndNetwork.recordFailure(accountAndNetwork);
      perAccount.recordFailure(accountOnly);
      throw new InvalidCredentials();
    }
    perAccountAndNetwork.reset(accountAndNetwork);
    User found = user.get();
    if (hasher.needsRehash(found.passwordHash())) {
      PasswordHash upgraded = hasher.hash(new Password(command.password()));
      tx.inTransaction(() -> users.updatePasswordHash(found.id(), upgraded));
    }
    return tokens.issue(found);
  }

  private Optional<User> findUser(String rawEmail) {
    try {
      EmailAddress email = new EmailAddress(rawEmail);
      return tx.inTransaction(() -> users.findByEmail(email));
    } catch (InvalidInput notAnAddress) {
      return Optional.empty();
    }
  }

  private PasswordHash dummyHash() {
    PasswordHash hash = dummyHash;
    if (hash == null) {
      hash = hasher.hash(new Password("satchel-timing-equalizer"));
      dummyHash = hash;
    }
    return hash;
  }
}
