package dev.satchel.adapters.rest.share;

import static dev.satchel.adapters.rest.ApiResponses.PROBLEM;

import dev.satchel.adapters.rest.ClientAddress;
import dev.satchel.adapters.rest.content.ContentResponder;
import dev.satchel.adapters.rest.problem.Problem;
import dev.satchel.application.share.OpenShareCommand;
import dev.satchel.application.share.OpenSharedFileUseCase;
import dev.satchel.application.share.SharedFile;
import dev.satchel.domain.error.FileNotFound;
import dev.satchel.domain.error.ShareGone;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Public downloads through a link's token, without authentication. Every GET answered 200 or 206
 * counts one download; HEAD, 304 and 416 answers do not.
 */
@Path("/share/{token}")
@Tag(name = "Sharing")
@APIResponse(responseCode = "401", description = "Password-protected link without the right X-Share-Password",
    content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "Unknown token",
    content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "410", description = "Expired, revoked, download limit reached, or file deleted",
    content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "429", description = "Too many wrong passwords; see Retry-After",
    content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
public class PublicShareResource {
  private static final String PASSWORD_HEADER = "X-Share-Password";

  private final OpenSharedFileUseCase openShared;
  private final ContentResponder content;

  public PublicShareResource(OpenSharedFileUseCase openShared, ContentResponder content) {
    this.openShared = openShared;
    this.content = content;
  }

  @GET
  @Produces(MediaType.WILDCARD)
  @Operation(summary = "Download a shared file (Range and If-None-Match supported; counts one download)")
  @APIResponse(responseCode = "200", description = "The whole file")
  @APIResponse(responseCode = "206", description = "The requested byte range")
  @APIResponse(responseCode = "304", description = "If-None-Match matched the ETag (not counted)")
  @APIResponse(responseCode = "416", description = "The range lies beyond the end of the file (not counted)")
  public Response download(
      @PathParam("token") String token,
      @Parameter(description = "The link's password, if it has one") @HeaderParam(PASSWORD_HEADER) String password,
      @Context HttpHeaders headers,
      @Context HttpServerRequest request) {
    return serve(token, password, headers, request, false);
  }

  @HEAD
  @Operation(summary = "Headers of a shared download, without the bytes (not counted)")
  @APIResponse(responseCode = "200", description = "Headers as for GET")
  public Response head(
      @PathParam("token") String token,
      @HeaderParam(PASSWORD_HEADER) String password,
      @Context HttpHeaders headers,
      @Context HttpServerRequest request) {
    return serve(token, password, headers, request, true);
  }

  private Response serve(String token, String password, HttpHeaders headers, HttpServerRequest request, boolean head) {
    SharedFile shared = openShared.inspect(
        new OpenShareCommand(token, Optional.ofNullable(password), ClientAddress.of(request)));
    Map<String, String> extra = shared.link().isPasswordProtected()
        ? Map.of("Referrer-Policy", "no-referrer", HttpHeaders.CACHE_CONTROL, "private, no-store")
        : Map.of("Referrer-Policy", "no-referrer");
    try {
      return content.respond(shared.file(), headers, head, () -> openShared.claimDownload(shared), extra);
    } catch (FileNotFound deletedMeanwhile) {
      // The blob vanished because the file was deleted after the link was checked.
      throw new ShareGone(ShareGone.Reason.FILE_DELETED);
    }
  }
}
