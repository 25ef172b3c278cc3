package dev.satchel.domain.testing;

import dev.satchel.domain.auth.AccessToken;
import dev.satchel.domain.auth.TokenIssuer;
import dev.satchel.domain.user.User;
import dev.satchel.domain.user.UserId;
import java.time.Duration;

/** Issues readable tokens naming their user: {@code token-for-<user id>}. */
public final class FakeTokenIssuer implements TokenIssuer {
  public static final Duration LIFETIME = Duration.ofHours(1);

  @Override
  public AccessToken issue(User user) {
    return new AccessToken(valueFor(user.id()), LIFETIME);
  }

  public static String valueFor(UserId user) {
    return "token-for-" + user;
  }
}
