package dev.satchel.adapters.rest.share.page;

import dev.satchel.application.share.UnlockedShare;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Optional;

/**
 * The cookie that carries a sealed share grant between a browser and one link: scoped to that
 * link's path, invisible to scripts, never sent cross-site, and {@code Secure} when the visitor
 * came over https (directly or through a trusted proxy's {@code X-Forwarded-Proto}) or when the
 * service's public address ({@code PUBLIC_BASE_URL}) is https.
 */
public final class GrantCookie {
  public static final String NAME = "satchel_share_grant";

  private GrantCookie() {}

  /** The sealed grant a request carries, if any; the use case decides whether it is any good. */
  public static Optional<String> from(HttpHeaders headers) {
    Cookie cookie = headers.getCookies().get(NAME);
    return cookie == null ? Optional.empty() : Optional.ofNullable(cookie.getValue());
  }

  /**
   * A {@code Set-Cookie} value (RFC 6265) for {@code unlocked} on the link {@code token}. Only call
   * after the token opened a link: then it is one Satchel generated (base64url), so it cannot
   * smuggle attributes into the header.
   */
  public static String issue(String token, UnlockedShare unlocked, HttpServerRequest request, String publicBaseUrl) {
    String secure = secure(request.scheme(), publicBaseUrl) ? "; Secure" : "";
    return NAME + "=" + unlocked.grant() + "; Path=/share/" + token + "; Max-Age=" + unlocked.lifetime().toSeconds()
        + "; HttpOnly; SameSite=Strict" + secure;
  }

  /**
   * Whether the cookie gets {@code Secure} (RFC 6265 section 4.1.2.5): the request's scheme is
   * https, or the public base URL is. The second covers a TLS-terminating proxy that forwards no
   * {@code X-Forwarded-Proto} (or one Satchel is not told to trust): visitors of an https
   * deployment still never send the grant in clear.
   */
  static boolean secure(String requestScheme, String publicBaseUrl) {
    return "https".equalsIgnoreCase(requestScheme)
        || (publicBaseUrl != null && publicBaseUrl.regionMatches(true, 0, "https://", 0, "https://".length()));
  }
}
