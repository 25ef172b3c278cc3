package dev.satchel.domain.user;

import java.util.Optional;

/** Out-port: where accounts are kept. */
public interface UserRepository {

  /**
   * Adds a new account.
   *
   * @throws dev.satchel.domain.error.EmailAlreadyRegistered when the normalized email is taken,
   *     even by a concurrent registration
   */
  void add(User user);

  Optional<User> findByEmail(EmailAddress email);

  Optional<User> findById(UserId id);

  void updatePasswordHash(UserId id, PasswordHash passwordHash);
}
