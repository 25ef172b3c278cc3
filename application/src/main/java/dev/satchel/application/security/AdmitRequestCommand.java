package dev.satchel.application.security;

import java.util.Objects;
import java.util.Optional;

/**
 * Who sends a request and what it does: the authenticated user's id (empty when anonymous), the
 * client address as resolved through the trusted proxies, and the kind of action.
 */
public record AdmitRequestCommand(Optional<String> userId, String clientAddress, Action action) {

  /** Actions that have a limit of their own on top of the general one. */
  public enum Action { OTHER, UPLOAD, REGISTER }

  public AdmitRequestCommand {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(action, "action");
  }
}
