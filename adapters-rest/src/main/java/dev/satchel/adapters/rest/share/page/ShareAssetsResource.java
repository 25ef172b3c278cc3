package dev.satchel.adapters.rest.share.page;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The share pages' stylesheet, served by Satchel so their CSP can forbid inline styles. */
@Path("/share-assets")
public class ShareAssetsResource {
  private static final String CSS = load("share-assets/share.css");

  @GET
  @Path("share.css")
  @Produces("text/css;charset=UTF-8")
  @Operation(hidden = true)
  public Response stylesheet() {
    return Response.ok(CSS)
        .header(HttpHeaders.CACHE_CONTROL, "public, max-age=3600")
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }

  private static String load(String resource) {
    try (InputStream in = ShareAssetsResource.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
