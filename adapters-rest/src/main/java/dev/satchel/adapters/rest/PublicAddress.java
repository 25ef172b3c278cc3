package dev.satchel.adapters.rest;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where clients reach the service: {@code PUBLIC_BASE_URL}, an absolute {@code http} or {@code https}
 * URL, kept without its trailing slash ({@link #baseUrl()}); its path ({@link #path()}, {@code ""} or
 * {@code /prefix}) is the prefix a proxy strips before a request reaches Satchel.
 */
public record PublicAddress(String baseUrl, String path) {

  /**
   * @param publicBaseUrl the configured address, e.g. {@code https://files.example.org/satchel/}
   * @throws IllegalArgumentException when it is not an absolute http(s) URL with a host and no query
   *     or fragment, so a typo stops the start instead of producing dead share links
   */
  public static PublicAddress of(String publicBaseUrl) {
    URI uri;
    try {
      uri = new URI(publicBaseUrl.strip());
    } catch (URISyntaxException e) {
      throw invalid(publicBaseUrl, e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw invalid(publicBaseUrl, "it must start with http:// or https://");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw invalid(publicBaseUrl, "it has no host");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
      throw invalid(publicBaseUrl, "it must not carry a query, a fragment or user information");
    }
    String base = trimSlashes(uri.toString());
    String path = trimSlashes(uri.getRawPath() == null ? "" : uri.getRawPath());
    return new PublicAddress(base, path);
  }

  /** {@code path} resolved under this address's path, for a path-absolute reference (RFC 3986 §4.2). */
  public String pathOf(String path) {
    return this.path + path;
  }

  private static String trimSlashes(String value) {
    String trimmed = value;
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed;
  }

  private static IllegalArgumentException invalid(String value, String why) {
    return new IllegalArgumentException("PUBLIC_BASE_URL '" + value + "' is not usable: " + why
        + " (expected e.g. https://files.example.org)");
  }
}
