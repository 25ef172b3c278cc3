package dev.satchel.adapters.rest.problem;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Answers an HTTP/1.1 request whose {@code Host} is missing, or an HTTP/1.x one whose
 * {@code Host} is repeated or not a host[:port], with
 * {@code 400} problem+json (RFC 9112 §3.2 requires the 400). Vert.x Web fails such a request
 * before any route runs; left to Quarkus' error handler it got a text page and an ERROR line with
 * an error id, one per request: anyone could fill the log without a credential. So this is the
 * first failure handler, and a first route catches the repeated Host that Vert.x lets through.
 */
@Singleton
public class HostHeaderCheck {
  private static final String BODY = JsonObject.of(
      "type", "https://satchel.dev/problems/invalid-host",
      "title", "Bad Request",
      "status", 400,
      "detail", "The Host header is missing, repeated or not a host name with an optional port (RFC 9112 §3.2).",
      "code", "invalid-host",
      "field", "Host").encode();

  void register(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE).handler(context -> {
      if (hasUsableHost(context.request())) {
        context.next();
      } else {
        refuse(context);
      }
    }).failureHandler(context -> {
      if (!context.response().headWritten() && !hasUsableHost(context.request())) {
        refuse(context);
      } else {
        context.next();
      }
    });
  }

  private static void refuse(RoutingContext context) {
    context.response().setStatusCode(400)
        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
        .putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE)
        .end(BODY);
  }

  /**
   * HTTP/2 carries :authority instead; for HTTP/1.x Vert.x parses Host into an authority or null.
   * An empty host is refused too: an http URI must not have one (RFC 9110 §4.2.1). HTTP/1.0 may
   * leave Host out (the requirement is HTTP/1.1's), as load-balancer probes such as HAProxy's
   * default {@code option httpchk} do: that is let through to the health and metrics routes under
   * {@code /q/}, which need no host. Quarkus REST builds every request's absolute URI from the
   * host and fails with a 500 without one, so the API itself keeps the 400.
   */
  static boolean hasUsableHost(HttpServerRequest request) {
    if (request.version() == HttpVersion.HTTP_2) {
      return true;
    }
    if (request.version() == HttpVersion.HTTP_1_0 && !request.headers().contains(HttpHeaders.HOST)
        && request.path() != null && request.path().startsWith("/q/")) {
      return true;
    }
    HostAndPort authority = request.authority();
    return authority != null && !authority.host().isEmpty()
        && request.headers().getAll(HttpHeaders.HOST).size() == 1;
  }
}
