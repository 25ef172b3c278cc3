package dev.satchel.adapters.rest.ratelimit;

import dev.satchel.adapters.rest.ClientAddress;
import dev.satchel.application.security.AdmitRequestCommand;
import dev.satchel.application.security.AdmitRequestCommand.Action;
import dev.satchel.application.security.AdmitRequestUseCase;
import dev.satchel.domain.ratelimit.RateLimitStatus;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Puts every API request through its rate limits before the resource runs, and writes the
 * RateLimit header fields on the answer. {@code /q/*} (health, metrics, OpenAPI) are Vert.x routes
 * outside JAX-RS, so they are never limited.
 *
 * <p>It runs on the event loop, before the hand-off to the resource's worker thread, and never
 * blocks: a shared (Redis) bucket answers asynchronously while no thread waits for it, and the
 * request moves on to the worker once admitted. The RateLimit fields go on the HTTP response as
 * soon as the request is admitted, so every answer carries them, also those that never pass JAX-RS
 * response filters (a problem thrown by a Server-Sent Events resource). On {@code @Authenticated} resources the security
 * check has run by then (it precedes non-blocking filters), so a request without a valid token is
 * answered 401 there and takes no token, and the identity it verified is reused here, not
 * verified again. A request without an {@code Authorization} header is anonymous without asking
 * the authentication machinery; a bad token on a public resource counts as anonymous.
 */
public class RateLimitFilter {
  private static final Uni<Response> GO_ON = Uni.createFrom().nullItem();

  private final AdmitRequestUseCase admission;
  private final CurrentIdentityAssociation identities;

  public RateLimitFilter(AdmitRequestUseCase admission, CurrentIdentityAssociation identities) {
    this.admission = admission;
    this.identities = identities;
  }

  /**
   * Completes with {@code null} (go on) once admitted, or fails with {@code RateLimited}. Runs
   * before the other request filters (a lower priority number goes first), so that an answer they
   * decide early, such as tus's 412, is still counted and still carries the RateLimit fields.
   */
  @ServerRequestFilter(nonBlocking = true, priority = Priorities.AUTHORIZATION)
  public Uni<Response> limit(ContainerRequestContext request, HttpServerRequest vertx) {
    Action action = action(request.getMethod(), request.getUriInfo().getPath());
    if (vertx.getHeader(HttpHeaders.AUTHORIZATION) == null) {
      return admit(vertx, Optional.empty(), action);
    }
    return identities.getDeferredIdentity()
        .onFailure(AuthenticationFailedException.class).recoverWithNull()
        .chain(identity -> admit(vertx, userId(identity), action));
  }

  private Uni<Response> admit(HttpServerRequest vertx, Optional<String> user, Action action) {
    CompletableFuture<List<RateLimitStatus>> admitted = admission
        .admit(new AdmitRequestCommand(user, () -> ClientAddress.of(vertx), action))
        .toCompletableFuture();
    // Local buckets have answered already: no operators to build and subscribe to.
    if (admitted.isDone() && !admitted.isCompletedExceptionally()) {
      RateLimitHeaders.write(admitted.join(), vertx.response().headers());
      return GO_ON;
    }
    return Uni.createFrom().completionStage(admitted)
        .onFailure(CompletionException.class).transform(Throwable::getCause)
        .map(statuses -> {
          RateLimitHeaders.write(statuses, vertx.response().headers());
          return null;
        });
  }

  private static Optional<String> userId(SecurityIdentity identity) {
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
