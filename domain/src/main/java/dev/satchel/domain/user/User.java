package dev.satchel.domain.user;

import java.time.Instant;
import java.util.Objects;

/**
 * A registered account. Invariant: the email is unique among users by its normalized form, and
 * the password is known only through its hash.
 */
public record User(UserId id, EmailAddress email, PasswordHash passwordHash, Instant createdAt) {
  public User {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(passwordHash, "passwordHash");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  public User withPasswordHash(PasswordHash newHash) {
    return new User(id, email, newHash, createdAt);
  }
}
