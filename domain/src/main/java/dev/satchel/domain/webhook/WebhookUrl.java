package dev.satchel.domain.webhook;

import dev.satchel.domain.error.InvalidInput;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a webhook's deliveries go: an absolute {@code http} or {@code https} URL (RFC 3986) of at
 * most {@value #MAX_LENGTH} printable ASCII characters, without user info or fragment, whose host
 * is a DNS name (RFC 1123 labels) or a literal IP address in canonical form.
 *
 * <p>Canonical-only IP literals close the classic SSRF bypasses: {@code 2130706433},
 * {@code 0x7f.1} or {@code 0177.0.0.1} all reach 127.0.0.1 through the C resolver but are refused
 * here before anything is resolved. Whether the destination is public is decided elsewhere (it needs
 * DNS); this type only guarantees the shape.
 */
public record WebhookUrl(String value) {
  /** Longest accepted URL, in characters. */
  public static final int MAX_LENGTH = 2048;

  private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
  // The last label of a DNS name is never all-numeric (RFC 3696 section 2); a host that ends like
  // a number, decimal or hexadecimal, is an IPv4 literal in some notation.
  private static final Pattern NUMERIC_LABEL = Pattern.compile("[0-9]+|0x[0-9a-f]*");
  private static final Pattern CANONICAL_IPV4 =
      Pattern.compile("(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])");

  public WebhookUrl {
    Objects.requireNonNull(value, "value");
    check(value);
  }

  /** Parses a client's URL; every refusal is {@link InvalidInput} on field {@code url}. */
  public static WebhookUrl parse(String raw) {
    if (raw == null) {
      throw refused("url is required.");
    }
    return new WebhookUrl(raw);
  }

  public URI uri() {
    return URI.create(value);
  }

  /** The host in lower case; an IPv6 literal without its brackets. */
  public String host() {
    String host = uri().getHost().toLowerCase(Locale.ROOT);
    return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
  }

  public boolean secure() {
    return uri().getScheme().equalsIgnoreCase("https");
  }

  /** The explicit port, or the scheme's default (80, 443). */
  public int port() {
    int port = uri().getPort();
    return port != -1 ? port : secure() ? 443 : 80;
  }

  /** Path and query as sent in the request line; {@code /} when the URL has no path. */
  public String pathAndQuery() {
    URI uri = uri();
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
  }

  @Override
  public String toString() {
    return value;
  }

  private static void check(String raw) {
    if (raw.isEmpty() || raw.length() > MAX_LENGTH) {
      throw refused("url must be 1 to " + MAX_LENGTH + " characters.");
    }
    if (!raw.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw refused("url must be printable ASCII without spaces (percent-encode or punycode the rest).");
    }
    URI uri;
    try {
      uri = new URI(raw);
    } catch (URISyntaxException e) {
      throw refused("url is not a valid URL.");
    }
    String scheme = uri.getScheme();
    if (scheme == null || uri.isOpaque()
        || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
      throw refused("url must be an absolute http or https URL.");
    }
    if (uri.getRawAuthority() == null || uri.getRawAuthority().contains("@")) {
      throw refused("url must not contain user info.");
    }
    if (uri.getHost() == null) {
      throw refused("url has no valid host.");
    }
    if (uri.getRawFragment() != null || raw.contains("#")) {
      throw refused("url must not contain a fragment.");
    }
    if (uri.getPort() == 0 || uri.getPort() > 65535) {
      throw refused("url port must be between 1 and 65535.");
    }
    checkHost(uri.getHost().toLowerCase(Locale.ROOT));
  }

  private static void checkHost(String host) {
    if (host.startsWith("[")) {
      return; // java.net.URI has validated the IPv6 literal
    }
    if (host.length() > 253) {
      throw refused("url host is longer than 253 characters.");
    }
    String[] labels = host.split("\\.", -1);
    if (NUMERIC_LABEL.matcher(labels[labels.length - 1]).matches()) {
      if (!CANONICAL_IPV4.matcher(host).matches()) {
        throw refused("url host is an IP address in a non-canonical form; write it as a.b.c.d.");
      }
      return;
    }
    for (String label : labels) {
      if (!LABEL.matcher(label).matches()) {
        throw refused("url host is not a valid DNS name.");
      }
    }
  }

  private static InvalidInput refused(String reason) {
    return new InvalidInput("url", reason);
  }
}
