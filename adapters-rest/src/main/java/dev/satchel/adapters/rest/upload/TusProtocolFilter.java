package dev.satchel.adapters.rest.upload;

import dev.satchel.adapters.rest.problem.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The version handshake of tus 1.0.0 core, said once for every {@code /uploads} request: each
 * answer carries {@code Tus-Resumable}, and a request other than OPTIONS without
 * {@code Tus-Resumable: 1.0.0} is refused with 412 and the versions this server speaks.
 */
public class TusProtocolFilter {
  static final String TUS_RESUMABLE = "Tus-Resumable";
  static final String TUS_VERSION = "Tus-Version";
  static final String VERSION = "1.0.0";
  static final String UPLOAD_CONCAT = "Upload-Concat";

  // Non-blocking like the rate-limit filter: Quarkus REST runs non-blocking request filters before
  // every blocking one and refuses to build otherwise; a header check needs no worker thread.
  @ServerRequestFilter(nonBlocking = true)
  public Response requireVersion(ContainerRequestContext request) {
    if (!isTus(request) || "OPTIONS".equals(request.getMethod())
        || VERSION.equals(request.getHeaderString(TUS_RESUMABLE))) {
      return null;
    }
    Problem problem = Problem.of(412, "Precondition Failed", "tus-version-unsupported",
        "This server speaks tus " + VERSION + "; send Tus-Resumable: " + VERSION + ".",
        request.getUriInfo().getRequestUri().getRawPath(), TUS_RESUMABLE);
    return Response.status(412).type(Problem.MEDIA_TYPE).entity(problem).header(TUS_VERSION, VERSION).build();
  }

  /**
   * Refuses a request that uses concatenation (tus 1.0.0 §Concatenation, {@code Upload-Concat}),
   * which this server does not list in {@code Tus-Extension}: 400 before anything is created. A
   * client that splits a file into partial uploads would otherwise get each part stored as a
   * whole file of its own and the final request refused.
   */
  @ServerRequestFilter(nonBlocking = true)
  public Response refuseConcatenation(ContainerRequestContext request) {
    if (!isTus(request) || request.getHeaderString(UPLOAD_CONCAT) == null) {
      return null;
    }
    Problem problem = Problem.of(400, "Bad Request", "tus-extension-unsupported",
        "This server does not support the tus concatenation extension; upload the file as one upload"
            + " (Tus-Extension lists what it supports).",
        request.getUriInfo().getRequestUri().getRawPath(), UPLOAD_CONCAT);
    return Response.status(400).type(Problem.MEDIA_TYPE).entity(problem).build();
  }

  @ServerResponseFilter
  public void announceVersion(ContainerRequestContext request, ContainerResponseContext response) {
    if (isTus(request)) {
      response.getHeaders().putSingle(TUS_RESUMABLE, VERSION);
    }
  }

  private static boolean isTus(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    return path.equals("/uploads") || path.startsWith("/uploads/");
  }
}
