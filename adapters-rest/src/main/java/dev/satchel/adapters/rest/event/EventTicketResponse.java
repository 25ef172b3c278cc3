package dev.satchel.adapters.rest.event;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Answer of {@code POST /events/ticket}. */
@Schema(name = "EventTicket")
public record EventTicketResponse(
    @Schema(required = true, description = "Single-use credential for GET /events/ws?ticket=") String ticket,
    @Schema(required = true, description = "Seconds the ticket stays valid", example = "60") long expiresIn) {}
