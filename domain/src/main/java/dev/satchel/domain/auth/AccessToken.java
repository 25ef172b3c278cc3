package dev.satchel.domain.auth;

import java.time.Duration;
import java.util.Objects;

/** A signed bearer token and how long it stays valid. */
public record AccessToken(String value, Duration expiresIn) {
  public AccessToken {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(expiresIn, "expiresIn");
  }

  @Override
  public String toString() {
    return "AccessToken[***, expiresIn=" + expiresIn + "]";
  }
}
