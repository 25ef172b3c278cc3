package dev.satchel.bootstrap.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.smallrye.jwt.auth.principal.ParseException;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A bounded memory of tokens that passed verification, each kept until its {@code exp}, so a
 * client repeating its bearer token is not parsed and HMAC-checked again on every request.
 *
 * <p>As strict as verifying every time: the key is the exact compact token, so any altered byte
 * misses and goes through the full verification; only tokens that passed it are stored; of the
 * checks, only {@code exp} depends on the time (no grace, no clock skew: {@link JwtVerification}),
 * and an entry is neither kept nor served once its {@code exp} is reached. Key, issuer and audience
 * are fixed for the life of the process. A verified {@link JsonWebToken} is immutable, so requests
 * presenting the same token share it.
 */
final class VerifiedTokens {

  /** The full verification, which throws for any token it refuses. */
  @FunctionalInterface
  interface Verifier {
    JsonWebToken verify(String token) throws ParseException;
  }

  private final Clock clock;
  private final Cache<String, JsonWebToken> verified;

  VerifiedTokens(Clock clock, int maxTokens) {
    this.clock = clock;
    this.verified = Caffeine.newBuilder()
        .maximumSize(maxTokens)
        .expireAfter(Expiry.creating((String token, JsonWebToken jwt) -> lifetimeLeft(jwt)))
        .build();
  }

  JsonWebToken verify(String token, Verifier verifier) throws ParseException {
    JsonWebToken known = verified.getIfPresent(token);
    if (known != null && unexpired(known)) {
      return known;
    }
    JsonWebToken fresh = verifier.verify(token);
    if (unexpired(fresh)) {
      verified.put(token, fresh);
    }
    return fresh;
  }

  // jose4j refuses a token once now >= exp in whole seconds (no skew configured): the same test.
  private boolean unexpired(JsonWebToken jwt) {
    return jwt.getExpirationTime() > clock.instant().getEpochSecond();
  }

  // Caffeine's own clock only drops the entry in time; unexpired() is what guards each answer.
  private Duration lifetimeLeft(JsonWebToken jwt) {
    return Duration.ofMillis(Math.max(0, jwt.getExpirationTime() * 1_000 - clock.millis()));
  }
}
