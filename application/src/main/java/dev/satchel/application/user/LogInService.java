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
    acquireBoth(accountAndNetwork, accountOnly);

    Optional<User> user;
    boolean valid;
    try {
      user = findUser(command.email());
      // Unknown accounts are checked against a dummy hash so both failures take the same time.
      valid = hasher.verify(Password.comparable(command.password()),
              user.map(User::passwordHash).orElseGet(this::dummyHash))
          && user.isPresent();
    } catch (RuntimeException outage) {
      releaseBoth(accountAndNetwork, accountOnly); // no verdict, so no guess
      throw outage;
    }
    if (!valid) {
      throw new InvalidCredentials(); // both attempts stay counted as failures
    }
    // The owner's success clears their network's failures, but not those of the whole account:
    // an attacker elsewhere must not get a fresh allowance from it.
    perAccountAndNetwork.succeeded(accountAndNetwork);
    perAccount.release(accountOnly);
    User found = user.get();
    if (hasher.needsRehash(found.passwordHash())) {
      PasswordHash upgraded = hasher.hash(new Password(command.password()));
      tx.inTransaction(() -> users.updatePasswordHash(found.id(), upgraded));
    }
    return tokens.issue(found);
  }

  // Counted before the verdict, so parallel guesses cannot share one look at the count.
  private void acquireBoth(String accountAndNetwork, String accountOnly) {
    perAccountAndNetwork.acquire(accountAndNetwork);
    try {
      perAccount.acquire(accountOnly);
    } catch (RuntimeException refused) {
      perAccountAndNetwork.release(accountAndNetwork);
      throw refused;
    }
  }

  private void releaseBoth(String accountAndNetwork, String accountOnly) {
    perAccountAndNetwork.release(accountAndNetwork);
    perAccount.release(accountOnly);
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
