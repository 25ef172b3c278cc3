package dev.satchel.adapters.rest.http;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import dev.satchel.adapters.rest.problem.Problem;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Puts the path's own methods in {@code Allow}: on every {@code 405}, where RFC 9110 §15.5.6
 * requires the field and Quarkus REST leaves it out, and on {@code OPTIONS} answers (tus's included),
 * where Quarkus REST lists the methods of the whole resource class, even for a path no resource
 * has: that one becomes the {@code 404} a {@code GET} gets.
 */
public class AllowHeaderFilter {
  private final AllowedMethods allowed;

  public AllowHeaderFilter(AllowedMethods allowed) {
    this.allowed = allowed;
  }

  @ServerResponseFilter
  public void listThisPathsMethods(ContainerRequestContext request, ContainerResponseContext response) {
    boolean notAllowed = response.getStatus() == 405;
    boolean options = HttpMethod.OPTIONS.equals(request.getMethod()) && response.getStatus() / 100 == 2;
    if (!notAllowed && !options) {
      return;
    }
    String path = request.getUriInfo().getPath();
    Optional<String> methods = allowed.forPath(path);
    if (methods.isPresent()) {
      response.getHeaders().putSingle(HttpHeaders.ALLOW, methods.get());
    } else if (options && response.getHeaders().containsKey(HttpHeaders.ALLOW)) {
      // Quarkus REST answers OPTIONS for any path under a resource class's prefix ("/" here),
      // listing that class's methods; a path no resource has is a 404, as GET finds.
      response.getHeaders().remove(HttpHeaders.ALLOW);
      response.setStatus(404);
      response.setEntity(Problem.of(404, "Not Found", "not-found", "No resource at this path.",
          request.getUriInfo().getRequestUri().getRawPath(), null), null, MediaType.valueOf(Problem.MEDIA_TYPE));
    }
  }
}
