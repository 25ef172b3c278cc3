package dev.satchel.domain.user;

import java.util.Objects;

/** A password hash in the hasher's self-describing encoding (algorithm and parameters included). */
public record PasswordHash(String encoded) {
  public PasswordHash {
    Objects.requireNonNull(encoded, "encoded");
  }

  @Override
  public String toString() {
    return "PasswordHash[***]";
  }
}
