package dev.satchel.adapters.rest.share;

import static dev.satchel.adapters.rest.ApiResponses.BEARER;

import dev.satchel.adapters.rest.PublicAddress;
import dev.satchel.adapters.rest.auth.CurrentUser;
import dev.satchel.application.share.ListSharesUseCase;
import dev.satchel.application.share.RevokeShareUseCase;
import dev.satchel.application.share.ShareFileCommand;
import dev.satchel.application.share.ShareFileUseCase;
import dev.satchel.domain.file.FileId;
import dev.satchel.domain.share.ShareId;
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
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The owner's side of public links: create, list and revoke. */
@Path("/")
@Authenticated
@Tag(name = "Sharing")
@SecurityRequirement(name = BEARER)
public class ShareResource {
  private final CurrentUser currentUser;
  private final ShareFileUseCase shareFile;
  private final ListSharesUseCase listShares;
  private final RevokeShareUseCase revokeShare;
  private final PublicAddress address;
  private final Clock clock;

  public ShareResource(CurrentUser currentUser, ShareFileUseCase shareFile, ListSharesUseCase listShares,
      RevokeShareUseCase revokeShare, PublicAddress address, Clock clock) {
    this.currentUser = currentUser;
    this.shareFile = shareFile;
    this.listShares = listShares;
    this.revokeShare = revokeShare;
    this.address = address;
    this.clock = clock;
  }

  @POST
  @Path("files/{file_id}/share")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(operationId = "createShare", summary = "Create a public link to one of the caller's files")
  @RequestBody(required = false, content = @Content(schema = @Schema(implementation = ShareRequest.class)))
  @APIResponse(responseCode = "201", description = "Created; the token is shown only now",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ShareResponse.class)))
  @APIResponse(responseCode = "400",
      description = "Bad body: expires_in not in 1..max-ttl, max_downloads < 1, short password; or a malformed file id")
  @APIResponse(responseCode = "404", description = "No such file, or not the caller's")
  public Response share(
      @Parameter(description = "The file's id", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
      @PathParam("file_id") String fileId, ShareRequest body) {
    ShareRequest options = body == null ? new ShareRequest(null, null, null) : body;
    var created = shareFile.share(new ShareFileCommand(
        currentUser.id(),
        FileId.parse(fileId),
        options.expiresIn() == null ? OptionalLong.empty() : OptionalLong.of(options.expiresIn()),
        options.maxDownloads() == null ? OptionalInt.empty() : OptionalInt.of(options.maxDownloads()),
        Optional.ofNullable(options.password())));
    return Response.status(Response.Status.CREATED)
        .type(MediaType.APPLICATION_JSON)
        .entity(ShareResponse.from(created, address.baseUrl()))
        .build();
  }

  @GET
  @Path("files/{file_id}/shares")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(operationId = "listShares",
      summary = "The caller's links to one of their files, newest first, with download counts")
  @APIResponse(responseCode = "200", description = "The links",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(type = SchemaType.ARRAY, implementation = ShareSummary.class)))
  @APIResponse(responseCode = "400", description = "Malformed file id")
  @APIResponse(responseCode = "404", description = "No such file, or not the caller's")
  public List<ShareSummary> list(
      @Parameter(description = "The file's id", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
      @PathParam("file_id") String fileId) {
    var now = clock.instant();
    return listShares.list(currentUser.id(), FileId.parse(fileId)).stream()
        .map(link -> ShareSummary.from(link, now))
        .toList();
  }

  @DELETE
  @Path("shares/{share_id}")
  @Operation(operationId = "revokeShare", summary = "Revoke a link; its token answers 410 from then on")
  @APIResponse(responseCode = "204", description = "Revoked")
  @APIResponse(responseCode = "400", description = "Malformed share id")
  @APIResponse(responseCode = "404", description = "No such link, or not the caller's")
  public Response revoke(
      @Parameter(description = "The link's id", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
      @PathParam("share_id") String shareId) {
    revokeShare.revoke(currentUser.id(), ShareId.parse(shareId));
    return Response.noContent().build();
  }
}
