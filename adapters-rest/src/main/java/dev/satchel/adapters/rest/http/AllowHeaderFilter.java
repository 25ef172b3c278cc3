package dev.satchel.adapters.rest.http;

import dev.satchel.adapters.rest.problem.Problem;
import dev.satchel.adapters.rest.problem.ProblemMapper;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
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
    if (isRoutingNotFound(response)) {
      answerNotAllowedWhereThePathExists(request, response);
      return;
    }
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
      answerWith(404, request, response);
    }
  }

  // Quarkus REST's own 404 ("not-found"), not a domain one such as file-not-found.
  private static boolean isRoutingNotFound(ContainerResponseContext response) {
    return response.getStatus() == 404 && response.getEntity() instanceof Problem problem
        && "not-found".equals(problem.code());
  }

  /**
   * Quarkus REST answers some methods a path lacks with its "no resource" 404 rather than a 405
   * ({@code GET /share/{token}/unlock}, whose resource class has POST only). When the path does
   * exist for other methods, the answer is the 405 with their {@code Allow} (RFC 9110 §15.5.6).
   */
  private void answerNotAllowedWhereThePathExists(ContainerRequestContext request, ContainerResponseContext response) {
    Optional<String> methods = allowed.forPath(request.getUriInfo().getPath());
    if (methods.isEmpty() || List.of(methods.get().split(", ")).contains(request.getMethod())) {
      return;
    }
    response.getHeaders().putSingle(HttpHeaders.ALLOW, methods.get());
    answerWith(405, request, response);
  }

  // The same problem the exception mapper gives for a status Quarkus REST decides itself.
  private static void answerWith(int status, ContainerRequestContext request, ContainerResponseContext response) {
    response.setStatus(status);
    response.setEntity(ProblemMapper.frameworkProblem(status, request.getUriInfo().getRequestUri().getRawPath()),
        null, MediaType.valueOf(Problem.MEDIA_TYPE));
  }
}
