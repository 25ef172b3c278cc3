package dev.satchel.adapters.rest.share;

import dev.satchel.adapters.rest.ClientAddress;
import dev.satchel.adapters.rest.HeaderText;
import dev.satchel.adapters.rest.content.ContentResponder;
import dev.satchel.adapters.rest.content.OffEventLoop;
import dev.satchel.adapters.rest.share.page.BrowserNavigation;
import dev.satchel.adapters.rest.share.page.GrantCookie;
import dev.satchel.adapters.rest.share.page.SharePages;
import dev.satchel.application.share.OpenShareCommand;
import dev.satchel.application.share.OpenSharedFileUseCase;
import dev.satchel.application.share.SharedFile;
import dev.satchel.domain.error.FileNotFound;
import dev.satchel.domain.error.ShareGone;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Public downloads through a link's token, without authentication. Every GET answered 200 or 206
 * counts one download; HEAD, 304 and 416 answers do not. A browser navigating here gets a page
 * instead ({@link SharePages}), and the bytes from {@code ?download=1}.
 */
@Path("/share/{token}")
@Tag(name = "Sharing")
@APIResponse(responseCode = "401", description = "Password-protected link without the right X-Share-Password",
    headers = @Header(name = "WWW-Authenticate", ref = "WWW-Authenticate"))
@APIResponse(responseCode = "404", description = "Unknown token")
@APIResponse(responseCode = "410", description = "Expired, revoked, download limit reached, or file deleted")
@APIResponse(responseCode = "429", description = "Too many wrong passwords, or the rate limit; see Retry-After")
public class PublicShareResource {
  private static final String PASSWORD_HEADER = "X-Share-Password";

  private final OpenSharedFileUseCase openShared;
  private final ContentResponder content;
  private final SharePages pages;

  public PublicShareResource(OpenSharedFileUseCase openShared, ContentResponder content, SharePages pages) {
    this.openShared = openShared;
    this.content = content;
    this.pages = pages;
  }

  @GET
  @Produces(MediaType.WILDCARD)
  @Operation(operationId = "downloadShared",
      summary = "Download a shared file (Range and conditional requests, RFC 9110 §13 and §14)",
      description = "Every 200 or 206 counts one download towards max_downloads; 304, 412 and 416 do not."
          + " A browser (Accept preferring text/html) without ?download gets an HTML page about the file"
          + " instead, which counts nothing; its failures are then pages too, with the same status.")
  @APIResponse(responseCode = "200", ref = "FileContent")
  @APIResponse(responseCode = "206", ref = "FileRange")
  @APIResponse(responseCode = "304", ref = "NotModified")
  @APIResponse(responseCode = "412", ref = "PreconditionFailed")
  @APIResponse(responseCode = "416", ref = "RangeNotSatisfiable")
  public Uni<Response> download(
      @Parameter(description = "The link's token, from share_url") @PathParam("token") String token,
      @Parameter(description = "The link's password (UTF-8), if it has one",
          schema = @Schema(type = SchemaType.STRING, format = "password"))
      @HeaderParam(PASSWORD_HEADER) String password,
      @Parameter(description = "Any value: the bytes even for a browser") @QueryParam("download") String download,
      @Context HttpHeaders headers,
      @Context HttpServerRequest request) {
    // On the event loop (a Uni): an open link without password or limit whose link and file this
    // replica holds in memory, stored plainly on its disk, is answered here; the rest (pages,
    // passwords, exact counts, reads through to PostgreSQL) goes to a worker (OffEventLoop).
    boolean browser = BrowserNavigation.prefersHtml(headers.getHeaderString(HttpHeaders.ACCEPT));
    OpenShareCommand command = command(token, password, headers, request);
    if (!browser) {
      Optional<Response> now = openShared.inspectWithoutWaiting(command)
          .flatMap(shared -> content.respondWithoutWaiting(shared.file(), headers,
              () -> openShared.claimDownload(shared), headersFor(shared)));
      if (now.isPresent()) {
        return Uni.createFrom().item(now.get());
      }
    }
    return OffEventLoop.answer(() -> {
      if (!browser) {
        return serve(token, password, headers, request, false);
      }
      return download == null
          ? pages.landing(token, command)
          : pages.orPage(token, () -> serve(token, password, headers, request, false));
    });
  }

  @HEAD
  @Operation(operationId = "headShared", summary = "Headers of a shared download, without the bytes (not counted)",
      description = "The headers GET would send (RFC 9110 §9.3.2): for a browser without ?download, those of"
          + " the page.")
  @APIResponse(responseCode = "200", ref = "FileHeaders")
  @APIResponse(responseCode = "304", ref = "NotModified")
  @APIResponse(responseCode = "412", description = "If-Match or If-Unmodified-Since failed")
  public Response head(
      @Parameter(description = "The link's token, from share_url") @PathParam("token") String token,
      @Parameter(description = "The link's password (UTF-8), if it has one",
          schema = @Schema(type = SchemaType.STRING, format = "password"))
      @HeaderParam(PASSWORD_HEADER) String password,
      @Parameter(description = "Any value: the bytes' headers even for a browser") @QueryParam("download")
      String download,
      @Context HttpHeaders headers,
      @Context HttpServerRequest request) {
    if (!BrowserNavigation.prefersHtml(headers.getHeaderString(HttpHeaders.ACCEPT))) {
      return serve(token, password, headers, request, true);
    }
    // The same choice as GET, so HEAD announces what GET would send; Vert.x drops the page body.
    return download == null
        ? pages.landing(token, command(token, password, headers, request))
        : pages.orPage(token, () -> serve(token, password, headers, request, true));
  }

  private Response serve(String token, String password, HttpHeaders headers, HttpServerRequest request, boolean head) {
    SharedFile shared = openShared.inspect(command(token, password, headers, request));
    try {
      return content.respond(shared.file(), headers, head, () -> openShared.claimDownload(shared), headersFor(shared));
    } catch (FileNotFound deletedMeanwhile) {
      // The blob vanished because the file was deleted after the link was checked.
      throw new ShareGone(ShareGone.Reason.FILE_DELETED);
    }
  }

  // Vary: the same URL answers a page to browsers (RFC 9110 §12.5.5).
  private static Map<String, String> headersFor(SharedFile shared) {
    return shared.link().isPasswordProtected()
        ? Map.of("Referrer-Policy", "no-referrer", HttpHeaders.CACHE_CONTROL, "private, no-store",
            HttpHeaders.VARY, HttpHeaders.ACCEPT)
        : Map.of("Referrer-Policy", "no-referrer", HttpHeaders.VARY, HttpHeaders.ACCEPT);
  }

  // The grant cookie of an unlocked browser stands in for the password header, ranges included.
  private static OpenShareCommand command(String token, String password, HttpHeaders headers, HttpServerRequest request) {
    return new OpenShareCommand(token, Optional.ofNullable(HeaderText.utf8(password)), GrantCookie.from(headers),
        ClientAddress.of(request));
  }
}
