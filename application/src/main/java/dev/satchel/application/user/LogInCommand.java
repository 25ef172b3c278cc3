package dev.satchel.application.user;

/** Input of a login: credentials and the client's address, which throttling keys on. */
public record LogInCommand(String email, String password, String clientAddress) {
  @Override
  public String toString() {
    return "LogInCommand[email=" + email + ", password=***, clientAddress=" + clientAddress + "]";
  }
}
