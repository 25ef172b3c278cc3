package dev.satchel.adapters.rest.event;

import static dev.satchel.adapters.rest.ApiResponses.BEARER;

import dev.satchel.adapters.rest.auth.CurrentUser;
import dev.satchel.application.event.IssueEventTicketUseCase;
import dev.satchel.application.event.StreamEventsUseCase;
import dev.satchel.domain.error.InvalidInput;
import dev.satchel.domain.event.EventId;
import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /events} (Server-Sent Events) and {@code POST /events/ticket} (API.md, "Events"). */
@Path("/events")
@Authenticated
@Tag(name = "Events", description = EventResource.TAG)
@SecurityRequirement(name = BEARER)
public class EventResource {
  static final String TAG = "The caller's events (file.uploaded, file.deleted, share.created, share.revoked,"
      + " share.downloaded, share.exhausted), as they commit on any replica. Each event is JSON"
      + " {\"id\": uuid, \"type\": string, \"occurred_at\": RFC 3339, \"data\": object} (see the Event schema)."
      + " GET /events/ws is a WebSocket (RFC 6455) carrying the same JSON objects as text frames; it"
      + " authenticates the upgrade request with Authorization: Bearer or ?ticket= (from POST /events/ticket),"
      + " and refuses a missing or bad credential with 401 before upgrading. A reconnecting WebSocket resumes"
      + " with ?last_event_id=<event id> (or a Last-Event-ID header): the caller's events after that one come"
      + " first, as on GET /events; a value that is not an event id is refused with 400 before upgrading.";

  private final CurrentUser currentUser;
  private final StreamEventsUseCase streams;
  private final IssueEventTicketUseCase tickets;
  private final EventJson json;
  private final EventStreamSettings settings;
  private final EventConnections connections;
  private final SseHeartbeat heartbeat;

  public EventResource(CurrentUser currentUser, StreamEventsUseCase streams, IssueEventTicketUseCase tickets,
      EventJson json, EventStreamSettings settings, EventConnections connections, SseHeartbeat heartbeat) {
    this.currentUser = currentUser;
    this.streams = streams;
    this.tickets = tickets;
    this.json = json;
    this.settings = settings;
    this.connections = connections;
    this.heartbeat = heartbeat;
  }

  @GET
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @Operation(operationId = "streamEvents", summary = "The caller's events as Server-Sent Events",
      description = "Each event is 'id: <event id>', 'event: <type>', 'data: <Event JSON>'. A comment line"
          + " (': keep-alive') comes at least every 15 s. With Last-Event-ID, the caller's events after that one"
          + " are sent first, within the retention window (SATCHEL_EVENTS_RETENTION); an unknown or purged id"
          + " replays nothing. A client that falls behind by satchel.events.buffer events is disconnected.")
  @APIResponse(responseCode = "200", description = "The stream; stays open",
      content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
          schema = @Schema(implementation = EventSchema.class)))
  @APIResponse(responseCode = "400", description = "Last-Event-ID is not an event id")
  public void stream(
      @Parameter(description = "Resume after this event (sent back by EventSource clients on reconnect)",
          schema = @Schema(type = SchemaType.STRING, format = "uuid"))
      @HeaderParam("Last-Event-ID") String lastEventId,
      @Context SseEventSink events, @Context Sse sse, @Context HttpServerResponse response)
      throws InterruptedException {
    var owner = currentUser.id();
    Optional<EventId> after = parse(lastEventId);
    // A stream is never stored (no-store: it is the caller's own events) and must reach the client
    // as each event is written: X-Accel-Buffering turns off nginx's response buffering, the usual
    // reverse proxy in front of a replica, which would otherwise hold events back.
    response.putHeader("Cache-Control", "no-store");
    response.putHeader("X-Accel-Buffering", "no");
    SseStream stream = new SseStream(events, response, sse, json, settings.buffer(), connections);
    stream.subscribe(sink -> streams.subscribe(owner, after, sink));
    // Sends the headers now, before any event exists, and only once this stream is subscribed: a
    // client that acts on seeing them gets the events of what it does.
    stream.comment("connected");
    heartbeat.add(stream);
  }

  @POST
  @Path("ticket")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(operationId = "createEventTicket",
      summary = "A single-use ticket, valid 60 s, for opening GET /events/ws?ticket= from a browser")
  @APIResponse(responseCode = "201", description = "Issued",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = EventTicketResponse.class)))
  public Response ticket() {
    var ticket = tickets.issue(currentUser.id());
    return Response.status(Response.Status.CREATED)
        .entity(new EventTicketResponse(ticket.value(), IssueEventTicketUseCase.LIFETIME.toSeconds()))
        .build();
  }

  private static Optional<EventId> parse(String lastEventId) {
    try {
      return ResumePoint.parse(lastEventId);
    } catch (IllegalArgumentException e) {
      throw new InvalidInput("Last-Event-ID", "Last-Event-ID must be an event id from this stream.");
    }
  }
}
