package dev.satchel.adapters.rest.auth;

import dev.satchel.domain.user.UserId;
import io.quarkus.security.UnauthorizedException;
import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The authenticated caller, taken from the verified token's subject and nothing else. */
@RequestScoped
public class CurrentUser {
  private final JsonWebToken token;

  public CurrentUser(JsonWebToken token) {
    this.token = token;
  }

  public UserId id() {
    String subject = token.getSubject();
    if (subject == null) {
      throw new UnauthorizedException();
    }
    try {
      return new UserId(UUID.fromString(subject));
    } catch (IllegalArgumentException e) {
      throw new UnauthorizedException();
    }
  }
}
