package dev.satchel.adapters.rest.auth;

import dev.satchel.domain.auth.AccessToken;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of a successful login (OAuth 2 token response shape, RFC 6749 §5.1). */
@Schema(name = "Token")
public record TokenResponse(
    @Schema(required = true, description = "JWT to send as Authorization: Bearer <access_token>") String accessToken,
    @Schema(required = true, example = "bearer") String tokenType,
    @Schema(required = true, description = "Seconds until the token expires", minimum = "1") long expiresIn) {
  static TokenResponse from(AccessToken token) {
    return new TokenResponse(token.value(), "bearer", token.expiresIn().toSeconds());
  }
}
