package dev.satchel.application.user;

/** Input of a registration, as the client sent it. */
public record RegisterUserCommand(String email, String password) {
  @Override
  public String toString() {
    return "RegisterUserCommand[email=" + email + ", password=***]";
  }
}
