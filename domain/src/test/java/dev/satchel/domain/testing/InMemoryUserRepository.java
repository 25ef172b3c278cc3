package dev.satchel.domain.testing;

import dev.satchel.domain.error.EmailAlreadyRegistered;
import dev.satchel.domain.user.EmailAddress;
import dev.satchel.domain.user.PasswordHash;
import dev.satchel.domain.user.User;
import dev.satchel.domain.user.UserId;
import dev.satchel.domain.user.UserRepository;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Accounts in a map; like the unique index, it refuses a second account per normalized email. */
public class InMemoryUserRepository implements UserRepository {
  private final Map<UserId, User> users = new LinkedHashMap<>();

  @Override
  public synchronized void add(User user) {
    if (users.containsKey(user.id())) {
      throw new IllegalStateException("duplicate user id " + user.id());
    }
    if (withNormalizedEmail(user.email().normalized()).isPresent()) {
      throw new EmailAlreadyRegistered();
    }
    users.put(user.id(), user);
  }

  @Override
  public synchronized Optional<User> findByEmail(EmailAddress email) {
    return withNormalizedEmail(email.normalized());
  }

  @Override
  public synchronized Optional<User> findById(UserId id) {
    return Optional.ofNullable(users.get(id));
  }

  @Override
  public synchronized void updatePasswordHash(UserId id, PasswordHash passwordHash) {
    users.computeIfPresent(id, (key, user) -> user.withPasswordHash(passwordHash));
  }

  // add() checks through this, not findByEmail, so a test may override the lookup alone.
  private Optional<User> withNormalizedEmail(String normalized) {
    return users.values().stream().filter(u -> u.email().normalized().equals(normalized)).findFirst();
  }

  public synchronized int size() {
    return users.size();
  }
}
