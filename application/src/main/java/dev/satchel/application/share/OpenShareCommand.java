package dev.satchel.application.share;

import java.util.Optional;

/**
 * A public request for a shared file: the token from the URL, the password header, a sealed grant
 * from an earlier right password (a browser's cookie), and the client.
 */
public record OpenShareCommand(String token, Optional<String> password, Optional<String> grant, String clientAddress) {
  /** A request without a grant, as API clients make it. */
  public OpenShareCommand(String token, Optional<String> password, String clientAddress) {
    this(token, password, Optional.empty(), clientAddress);
  }

  @Override
  public String toString() {
    return "OpenShareCommand[token=***, password=" + (password.isPresent() ? "***" : "none")
        + ", grant=" + (grant.isPresent() ? "***" : "none") + ", clientAddress=" + clientAddress + "]";
  }
}
