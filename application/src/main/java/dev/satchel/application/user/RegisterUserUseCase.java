package dev.satchel.application.user;

import dev.satchel.domain.user.UserId;

/** In-port: creates an account. */
public interface RegisterUserUseCase {
  UserId register(RegisterUserCommand command);
}
