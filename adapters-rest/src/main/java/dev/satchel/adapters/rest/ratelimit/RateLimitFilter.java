package dev.satchel.adapters.rest.ratelimit;

import dev.satchel.adapters.rest.ClientAddress;
import dev.satchel.application.security.AdmitRequestCommand;
import dev.satchel.application.security.AdmitRequestCommand.Action;
import dev.satchel.application.security.AdmitRequestUseCase;
import dev.satchel.domain.ratelimit.RateLimitStatus;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Puts every API request through its rate limits before the resource runs, and writes the
 * RateLimit header fields on the answer. {@code /q/*} (health, metrics, OpenAPI) are Vert.x routes
 * outside JAX-RS, so they are never limited.
 *
 * <p>It runs on the resource's worker thread (all Satchel resources are blocking), so it may ask
 * for the caller's identity: authentication is lazy, and asking here verifies the bearer token
 * once for the request (the resource reuses the result). A missing or invalid token counts as
 * anonymous; the resource then answers 401 as before. On {@code @Authenticated} resources the
 * security check runs first, so a request without a valid token is answered 401 there and takes
 * no token.
 */
public class RateLimitFilter {
  private static final String STATUSES = RateLimitFilter.class.getName() + ".statuses";

  private final AdmitRequestUseCase admission;
  private final CurrentIdentityAssociation identities;

  public RateLimitFilter(AdmitRequestUseCase admission, CurrentIdentityAssociation identities) {
    this.admission = admission;
    this.identities = identities;
  }

  @ServerRequestFilter
  public void limit(ContainerRequestContext request, HttpServerRequest vertx) {
    List<RateLimitStatus> statuses = admission.admit(new AdmitRequestCommand(
        userId(), ClientAddress.of(vertx), action(request.getMethod(), request.getUriInfo().getPath())));
    if (!statuses.isEmpty()) {
      request.setProperty(STATUSES, statuses);
    }
  }

  @ServerResponseFilter
  public void headers(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getProperty(STATUSES) instanceof List<?> statuses) {
      @SuppressWarnings("unchecked")
      List<RateLimitStatus> applied = (List<RateLimitStatus>) statuses;
      RateLimitHeaders.write(applied, response.getHeaders());
    }
  }

  private Optional<String> userId() {
    SecurityIdentity identity;
    try {
      identity = identities.getIdentity();
    } catch (AuthenticationFailedException e) {
      return Optional.empty();
    }
    if (identity == null || identity.isAnonymous()) {
      return Optional.empty();
    }
    // The token's subject is the user id (see CurrentUser); the name is a fallback for other schemes.
    String id = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getSubject() : identity.getPrincipal().getName();
    return Optional.ofNullable(id);
  }

  static Action action(String method, String path) {
    if (!"POST".equals(method)) {
      return Action.OTHER;
    }
    String normalized = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
    return switch (normalized) {
      case "/upload", "/uploads" -> Action.UPLOAD;
      case "/register" -> Action.REGISTER;
      default -> Action.OTHER;
    };
  }
}
