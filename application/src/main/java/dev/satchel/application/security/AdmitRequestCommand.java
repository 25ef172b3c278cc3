package dev.satchel.application.security;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Who sends a request and what it does: the authenticated user's id (empty when anonymous), the
 * client address as resolved through the trusted proxies, and the kind of action. The address is
 * resolved only when a limit needs it (anonymous requests and registrations): an authenticated
 * request is limited per user and need not pay for parsing it.
 */
public record AdmitRequestCommand(Optional<String> userId, Supplier<String> clientAddress, Action action) {

  /** Actions that have a limit of their own on top of the general one. */
  public enum Action { OTHER, UPLOAD, REGISTER }

  public AdmitRequestCommand {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(clientAddress, "clientAddress");
    Objects.requireNonNull(action, "action");
  }

  /** A command whose client address is already known. */
  public AdmitRequestCommand(Optional<String> userId, String clientAddress, Action action) {
    this(userId, () -> clientAddress, action);
  }
}
