package dev.satchel.domain.auth;

import dev.satchel.domain.user.User;

/** Out-port: issues the bearer tokens that authenticate a user on every file endpoint. */
public interface TokenIssuer {
  AccessToken issue(User user);
}
