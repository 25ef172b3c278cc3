package dev.satchel.adapters.persistence.user;

import dev.satchel.adapters.persistence.ConstraintViolations;
import dev.satchel.domain.error.EmailAlreadyRegistered;
import dev.satchel.domain.user.EmailAddress;
import dev.satchel.domain.user.PasswordHash;
import dev.satchel.domain.user.User;
import dev.satchel.domain.user.UserId;
import dev.satchel.domain.user.UserRepository;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.util.Optional;
import java.util.UUID;

/** PostgreSQL-backed {@link UserRepository}; callers provide the transaction. */
@ApplicationScoped
public class JpaUserRepository implements UserRepository, PanacheRepositoryBase<UserEntity, UUID> {

  @Override
  public void add(User user) {
    UserEntity entity = new UserEntity();
    entity.id = user.id().value();
    entity.email = user.email().value();
    entity.emailNormalized = user.email().normalized();
    entity.passwordHash = user.passwordHash().encoded();
    entity.createdAt = user.createdAt();
    try {
      persistAndFlush(entity);
    } catch (PersistenceException e) {
      if (ConstraintViolations.isViolationOf(e, "users_email_normalized_key")) {
        throw new EmailAlreadyRegistered();
      }
      throw e;
    }
  }

  @Override
  public Optional<User> findByEmail(EmailAddress email) {
    return find("emailNormalized", email.normalized()).firstResultOptional().map(JpaUserRepository::toDomain);
  }

  @Override
  public Optional<User> findById(UserId id) {
    return findByIdOptional(id.value()).map(JpaUserRepository::toDomain);
  }

  @Override
  public void updatePasswordHash(UserId id, PasswordHash passwordHash) {
    update("passwordHash = ?1 where id = ?2", passwordHash.encoded(), id.value());
  }

  private static User toDomain(UserEntity entity) {
    return new User(
        new UserId(entity.id), new EmailAddress(entity.email), new PasswordHash(entity.passwordHash), entity.createdAt);
  }
}
