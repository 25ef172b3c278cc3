package dev.satchel.adapters.rest.webhook;

import static dev.satchel.adapters.rest.ApiResponses.BEARER;

import dev.satchel.adapters.rest.auth.CurrentUser;
import dev.satchel.application.webhook.DeleteWebhookUseCase;
import dev.satchel.application.webhook.ListWebhookDeliveriesUseCase;
import dev.satchel.application.webhook.ListWebhooksUseCase;
import dev.satchel.application.webhook.RegisterWebhookCommand;
import dev.satchel.application.webhook.RegisterWebhookUseCase;
import dev.satchel.domain.error.InvalidInput;
import dev.satchel.domain.webhook.WebhookId;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The owner's webhooks: register, list, delete, and the delivery log. Deliveries are POSTs of the
 * event JSON signed as in the Standard Webhooks specification (headers webhook-id,
 * webhook-timestamp, webhook-signature), retried with exponential backoff for at least 24 h.
 */
@Path("/webhooks")
@Authenticated
@Tag(name = "Webhooks")
@SecurityRequirement(name = BEARER)
public class WebhookResource {
  private final CurrentUser currentUser;
  private final RegisterWebhookUseCase register;
  private final ListWebhooksUseCase list;
  private final DeleteWebhookUseCase delete;
  private final ListWebhookDeliveriesUseCase deliveries;

  public WebhookResource(CurrentUser currentUser, RegisterWebhookUseCase register, ListWebhooksUseCase list,
      DeleteWebhookUseCase delete, ListWebhookDeliveriesUseCase deliveries) {
    this.currentUser = currentUser;
    this.register = register;
    this.list = list;
    this.delete = delete;
    this.deliveries = deliveries;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(operationId = "createWebhook", summary = "Register a webhook for the caller's events")
  @RequestBody(required = true, content = @Content(schema = @Schema(implementation = WebhookRequest.class)))
  @APIResponse(responseCode = "201", description = "Registered; the secret is shown only now",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = CreatedWebhook.class)))
  @APIResponse(responseCode = "400", description = "Bad url (not http(s), user info, malformed, does not resolve,"
      + " or resolves to a loopback, private, link-local or metadata address) or bad events")
  public Response create(WebhookRequest body) {
    if (body == null) {
      throw new InvalidInput("url", "A JSON body with url is required.");
    }
    var webhook = register.register(new RegisterWebhookCommand(currentUser.id(), body.url(),
        Optional.ofNullable(body.events())));
    return Response.status(Response.Status.CREATED)
        .type(MediaType.APPLICATION_JSON)
        .entity(CreatedWebhook.from(webhook))
        .build();
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(operationId = "listWebhooks", summary = "The caller's webhooks, oldest first, without secrets")
  @APIResponse(responseCode = "200", description = "The webhooks",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(type = SchemaType.ARRAY, implementation = WebhookSummary.class)))
  public List<WebhookSummary> list() {
    return list.list(currentUser.id()).stream().map(WebhookSummary::from).toList();
  }

  @DELETE
  @Path("{webhook_id}")
  @Operation(operationId = "deleteWebhook", summary = "Delete a webhook; its pending deliveries are dropped")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "400", description = "Malformed webhook id")
  @APIResponse(responseCode = "404", description = "No such webhook, or not the caller's")
  public Response delete(
      @Parameter(description = "The webhook's id", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
      @PathParam("webhook_id") String webhookId) {
    delete.delete(currentUser.id(), WebhookId.parse(webhookId));
    return Response.noContent().build();
  }

  @GET
  @Path("{webhook_id}/deliveries")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(operationId = "listWebhookDeliveries",
      summary = "The webhook's latest delivery attempts (at most 100), newest first")
  @APIResponse(responseCode = "200", description = "The attempts",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(type = SchemaType.ARRAY, implementation = DeliveryAttemptResponse.class)))
  @APIResponse(responseCode = "400", description = "Malformed webhook id")
  @APIResponse(responseCode = "404", description = "No such webhook, or not the caller's")
  public List<DeliveryAttemptResponse> deliveries(
      @Parameter(description = "The webhook's id", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
      @PathParam("webhook_id") String webhookId) {
    return deliveries.list(currentUser.id(), WebhookId.parse(webhookId)).stream()
        .map(DeliveryAttemptResponse::from)
        .toList();
  }
}
