package dev.satchel.domain.user;

/** Out-port: one-way, salted, deliberately slow password hashing. */
public interface PasswordHasher {

  PasswordHash hash(Password password);

  /** Checks a candidate in time independent of where it differs from the original. */
  boolean verify(String candidate, PasswordHash hash);

  /** True when the hash was made with weaker parameters than the ones now configured. */
  boolean needsRehash(PasswordHash hash);
}
