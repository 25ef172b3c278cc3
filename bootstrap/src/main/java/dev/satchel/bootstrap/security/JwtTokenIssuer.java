package dev.satchel.bootstrap.security;

import dev.satchel.domain.auth.AccessToken;
import dev.satchel.domain.auth.TokenIssuer;
import dev.satchel.domain.user.User;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import javax.crypto.SecretKey;

/** Issues HS256 access tokens with SmallRye JWT: subject is the user id, one group, a fixed lifetime. */
public final class JwtTokenIssuer implements TokenIssuer {
  public static final String USER_GROUP = "user";

  private final SecretKey key;
  private final String issuer;
  private final String audience;
  private final Duration lifetime;
  private final Clock clock;

  public JwtTokenIssuer(SecretKey key, String issuer, String audience, Duration lifetime, Clock clock) {
    this.key = key;
    this.issuer = issuer;
    this.audience = audience;
    this.lifetime = lifetime;
    this.clock = clock;
  }

  @Override
  public AccessToken issue(User user) {
    Instant now = clock.instant();
    String token = Jwt.issuer(issuer)
        .audience(audience)
        .subject(user.id().toString())
        .upn(user.email().value())
        .groups(Set.of(USER_GROUP))
        .issuedAt(now)
        .expiresAt(now.plus(lifetime))
        .jws()
        .algorithm(SignatureAlgorithm.HS256)
        .sign(key);
    return new AccessToken(token, lifetime);
  }
}
