package dev.satchel.adapters.rest.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Arrays;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Adds {@code Vary: Origin} to every answer while CORS is on. Satchel's CORS policy echoes the
 * caller's origin in {@code Access-Control-Allow-Origin} when it is listed and says nothing
 * otherwise, so the same URL answers differently per {@code Origin}: without the {@code Vary}
 * (RFC 9110 §12.5.5; Fetch standard §3.2.5 "CORS protocol and HTTP caches") a browser or proxy cache
 * could hand one origin's answer to another, or an answer without CORS headers to a listed origin.
 * Any {@code Vary} already set (the share links' {@code Accept}) is kept and extended.
 */
@Singleton
public class CorsVary {
  private final boolean corsEnabled;

  public CorsVary(@ConfigProperty(name = "quarkus.http.cors.enabled", defaultValue = "false") boolean corsEnabled) {
    this.corsEnabled = corsEnabled;
  }

  void register(@Observes Router router) {
    if (!corsEnabled) {
      return;
    }
    // Right after the Host check, before Quarkus's CORS filter, so preflights get it too.
    // The routing context's list of header hooks, not the response's single one, which a later
    // handler may take over.
    router.route().order(Integer.MIN_VALUE + 1).handler(context -> {
      HttpServerResponse response = context.response();
      context.addHeadersEndHandler(ignored -> addOrigin(response));
      context.next();
    });
  }

  static void addOrigin(HttpServerResponse response) {
    String vary = String.join(",", response.headers().getAll(HttpHeaders.VARY));
    boolean present = Arrays.stream(vary.split(","))
        .map(String::strip)
        .anyMatch(name -> name.equalsIgnoreCase("Origin") || name.equals("*"));
    if (!present) {
      response.headers().set(HttpHeaders.VARY, vary.isBlank() ? "Origin" : vary + ", Origin");
    }
  }
}
