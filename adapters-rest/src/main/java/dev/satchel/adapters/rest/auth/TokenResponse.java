package dev.satchel.adapters.rest.auth;

import dev.satchel.domain.auth.AccessToken;

/** Body of a successful login (OAuth 2 token response shape). */
public record TokenResponse(String accessToken, String tokenType, long expiresIn) {
  static TokenResponse from(AccessToken token) {
    return new TokenResponse(token.value(), "bearer", token.expiresIn().toSeconds());
  }
}
