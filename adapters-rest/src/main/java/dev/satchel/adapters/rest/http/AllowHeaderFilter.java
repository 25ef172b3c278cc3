package dev.satchel.adapters.rest.http;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Puts the path's own methods in {@code Allow}: on every {@code 405}, where RFC 9110 §15.5.6
 * requires the field and Quarkus REST leaves it out, and on {@code OPTIONS} answers, where Quarkus
 * REST lists the methods of the whole resource class.
 */
public class AllowHeaderFilter {
  private final AllowedMethods allowed;

  public AllowHeaderFilter(AllowedMethods allowed) {
    this.allowed = allowed;
  }

  @ServerResponseFilter
  public void listThisPathsMethods(ContainerRequestContext request, ContainerResponseContext response) {
    boolean notAllowed = response.getStatus() == 405;
    boolean options = HttpMethod.OPTIONS.equals(request.getMethod()) && response.getHeaders().containsKey(HttpHeaders.ALLOW);
    if (notAllowed || options) {
      allowed.forPath(request.getUriInfo().getPath())
          .ifPresent(methods -> response.getHeaders().putSingle(HttpHeaders.ALLOW, methods));
    }
  }
}
