package dev.satchel.adapters.rest.auth;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of a successful registration. */
@Schema(name = "Registered")
public record RegisteredResponse(
    @Schema(required = true, example = "User registered successfully") String message,
    @Schema(required = true) UUID userId) {}
