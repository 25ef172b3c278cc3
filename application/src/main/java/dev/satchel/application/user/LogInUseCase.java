package dev.satchel.application.user;

import dev.satchel.domain.auth.AccessToken;

/** In-port: exchanges credentials for an access token. */
public interface LogInUseCase {
  AccessToken logIn(LogInCommand command);
}
