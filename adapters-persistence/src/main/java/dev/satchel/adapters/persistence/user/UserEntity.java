package dev.satchel.adapters.persistence.user;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of the users table; never leaves this module. */
@Entity
@Table(name = "users")
public class UserEntity extends PanacheEntityBase {
  @Id public UUID id;

  @Column(nullable = false)
  public String email;

  @Column(name = "email_normalized", nullable = false)
  public String emailNormalized;

  @Column(name = "password_hash", nullable = false)
  public String passwordHash;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;
}
