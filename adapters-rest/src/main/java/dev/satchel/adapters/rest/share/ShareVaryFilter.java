package dev.satchel.adapters.rest.share;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Marks every answer of {@code GET}/{@code HEAD /share/{token}} with {@code Vary: Accept}, refusals
 * included: the same URL answers a page to browsers and problem+json to programs, and a 404 or 410
 * is cacheable by default (RFC 9110 §15.1), so without it a shared cache could hand a program's
 * JSON refusal to a browser, or a page to a program (RFC 9110 §12.5.5).
 */
public class ShareVaryFilter {
  @ServerResponseFilter
  public void varyOnAccept(ContainerRequestContext request, ContainerResponseContext response) {
    String method = request.getMethod();
    if ((HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method))
        && isShareLink(request.getUriInfo().getPath())
        && !response.getHeaders().containsKey(HttpHeaders.VARY)) {
      response.getHeaders().putSingle(HttpHeaders.VARY, HttpHeaders.ACCEPT);
    }
  }

  /** {@code /share/<token>}: one segment after {@code /share/}, not the unlock form or the assets. */
  static boolean isShareLink(String path) {
    return path.startsWith("/share/") && path.length() > "/share/".length()
        && path.indexOf('/', "/share/".length()) < 0;
  }
}
