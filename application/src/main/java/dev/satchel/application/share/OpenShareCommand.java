package dev.satchel.application.share;

import java.util.Optional;

/** A public request for a shared file: the token from the URL, the password header, the client. */
public record OpenShareCommand(String token, Optional<String> password, String clientAddress) {
  @Override
  public String toString() {
    return "OpenShareCommand[token=***, password=" + (password.isPresent() ? "***" : "none")
        + ", clientAddress=" + clientAddress + "]";
  }
}
