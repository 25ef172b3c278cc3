package dev.satchel.adapters.rest.auth;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /register} and {@code POST /login}. */
@Schema(name = "Credentials")
public record CredentialsRequest(
    @Schema(required = true, example = "user@example.com") String email,
    @Schema(required = true, minLength = 8, maxLength = 1024, format = "password") String password) {
  @Override
  public String toString() {
    return "CredentialsRequest[email=" + email + ", password=***]";
  }
}
