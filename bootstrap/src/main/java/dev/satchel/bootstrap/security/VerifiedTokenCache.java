package dev.satchel.bootstrap.security;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;
import java.time.Clock;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Puts {@link VerifiedTokens} in front of SmallRye JWT's parser bean, the one the Quarkus
 * bearer-token identity provider calls for every request: verification was 13-15 % of the CPU of
 * an authenticated request (profile of 2026-11-29). Only {@code parse(token)} with the configured
 * rules is remembered; every other parser method goes straight to SmallRye JWT.
 */
@Decorator
@Priority(1)
abstract class VerifiedTokenCache implements JWTParser {
  // About 2 KiB per token (text, claims, principal): a few MiB at most.
  static final int MAX_TOKENS = 4_096;

  private final VerifiedTokens tokens;
  private final VerifiedTokens.Verifier fullVerification;

  @Inject
  VerifiedTokenCache(@Delegate JWTParser delegate, Clock clock) {
    this.tokens = new VerifiedTokens(clock, MAX_TOKENS);
    this.fullVerification = delegate::parse;
  }

  @Override
  public JsonWebToken parse(String token) throws ParseException {
    return tokens.verify(token, fullVerification);
  }
}
