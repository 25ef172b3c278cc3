package dev.satchel.bootstrap.wiring;

import dev.satchel.bootstrap.config.SatchelConfig;
import dev.satchel.bootstrap.security.Argon2PasswordHasher;
import dev.satchel.bootstrap.security.HmacShareGrants;
import dev.satchel.bootstrap.security.JwtKeys;
import dev.satchel.bootstrap.security.JwtTokenIssuer;
import dev.satchel.domain.auth.TokenIssuer;
import dev.satchel.domain.id.IdGenerator;
import dev.satchel.domain.id.UuidV7Generator;
import dev.satchel.domain.share.ShareGrants;
import dev.satchel.domain.user.PasswordHasher;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import javax.crypto.SecretKey;

/** Builds the infrastructure the use cases share: time, randomness, ids, hashing and tokens. */
public class CoreProducers {

  /** UTC time at microsecond resolution, the precision PostgreSQL stores. */
  @Produces
  @Singleton
  Clock clock() {
    return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
  }

  /** Created at run time, never in a build-time initializer, so a native image holds no seed. */
  @Produces
  @Singleton
  SecureRandom secureRandom() {
    return new SecureRandom();
  }

  @Produces
  @Singleton
  IdGenerator idGenerator(Clock clock, SecureRandom random) {
    return new UuidV7Generator(clock, random);
  }

  @Produces
  @Singleton
  PasswordHasher passwordHasher(SatchelConfig config, SecureRandom random) {
    SatchelConfig.Password cost = config.password();
    return new Argon2PasswordHasher(
        new Argon2PasswordHasher.Cost(cost.memoryKib(), cost.iterations(), cost.parallelism()), random);
  }

  @Produces
  @Singleton
  SecretKey tokenSigningKey(SatchelConfig config, SecureRandom random) {
    return JwtKeys.resolve(config, random);
  }

  @Produces
  @Singleton
  TokenIssuer tokenIssuer(SatchelConfig config, SecretKey key, Clock clock) {
    SatchelConfig.Jwt jwt = config.jwt();
    return new JwtTokenIssuer(key, jwt.issuer(), jwt.audience(), jwt.lifetime(), clock);
  }

  /** Grants are keyed from the token secret, so one SECRET_KEY still configures every replica. */
  @Produces
  @Singleton
  ShareGrants shareGrants(SecretKey key) {
    return new HmacShareGrants(key);
  }
}
