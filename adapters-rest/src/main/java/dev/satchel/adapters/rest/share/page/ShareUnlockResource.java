package dev.satchel.adapters.rest.share.page;

import dev.satchel.adapters.rest.ClientAddress;
import dev.satchel.adapters.rest.PublicAddress;
import dev.satchel.application.share.OpenShareCommand;
import dev.satchel.application.share.OpenSharedFileUseCase;
import dev.satchel.application.share.UnlockedShare;
import dev.satchel.domain.error.SatchelError;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The password form's target: a right password becomes a grant cookie for this link and sends the
 * browser back to the page (Post/Redirect/Get); anything else shows the matching page again.
 */
@Path("/share/{token}/unlock")
@Tag(name = "Sharing")
public class ShareUnlockResource {
  private final OpenSharedFileUseCase openShared;
  private final SharePages pages;
  private final PublicAddress address;

  public ShareUnlockResource(OpenSharedFileUseCase openShared, SharePages pages, PublicAddress address) {
    this.openShared = openShared;
    this.pages = pages;
    this.address = address;
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  @Operation(operationId = "unlockShare",
      summary = "Unlock a password-protected link in a browser (form field password; throttled like X-Share-Password)")
  @APIResponse(responseCode = "303", description = "Right password: a grant cookie valid 15 minutes, back to the page")
  @APIResponse(responseCode = "400", description = "An overlong password, or a body that is not form-urlencoded (a page)",
      content = @Content(mediaType = MediaType.TEXT_HTML))
  @APIResponse(responseCode = "401", description = "Wrong or no password: the form again",
      content = @Content(mediaType = MediaType.TEXT_HTML))
  @APIResponse(responseCode = "404", description = "Unknown link (a page)",
      content = @Content(mediaType = MediaType.TEXT_HTML))
  @APIResponse(responseCode = "410", description = "Expired, revoked, exhausted link or deleted file (a page)",
      content = @Content(mediaType = MediaType.TEXT_HTML))
  @APIResponse(responseCode = "429", description = "Too many wrong passwords (a page, with Retry-After)",
      content = @Content(mediaType = MediaType.TEXT_HTML))
  @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
      schema = @Schema(type = SchemaType.OBJECT, properties = @SchemaProperty(name = "password",
          type = SchemaType.STRING, description = "The link's password, UTF-8, percent-encoded"))))
  public Response unlock(@PathParam("token") String token, String form, @Context HttpServerRequest request) {
    String password;
    try {
      password = FormBody.field(form, "password").orElse(null);
    } catch (FormBody.MalformedForm malformed) {
      return pages.malformedForm();
    }
    UnlockedShare unlocked;
    try {
      unlocked = openShared.unlock(new OpenShareCommand(token, Optional.ofNullable(password), ClientAddress.of(request)));
    } catch (SatchelError refused) {
      return pages.refusal(token, refused, password != null && !password.isEmpty());
    }
    // A relative Location (RFC 9110 §10.2.2) stays right behind a proxy whatever Host it forwards.
    return Response.status(Response.Status.SEE_OTHER)
        .header(HttpHeaders.LOCATION, "/share/" + token)
        .header(HttpHeaders.SET_COOKIE, GrantCookie.issue(token, unlocked, request, address.baseUrl()))
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .header("Referrer-Policy", "no-referrer")
        .build();
  }
}
