package dev.satchel.adapters.rest.auth;

import java.util.UUID;

/** Body of a successful registration. */
public record RegisteredResponse(String message, UUID userId) {}
