package dev.satchel.bootstrap.config;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Turns Quarkus's CORS filter on only when {@code SATCHEL_CORS_ORIGINS} ({@code satchel.cors.origins})
 * lists origins, and hands it exactly those. With none, the filter stays off and no request, from
 * any origin, gets CORS headers; an enabled filter without origins would instead admit same-origin
 * requests and answer others 403. When it is on, the origin of {@code PUBLIC_BASE_URL}
 * ({@code satchel.public-base-url}) is allowed too: Satchel's own share page posts its password
 * form from there, and behind a TLS-terminating proxy Quarkus cannot tell that such a request is
 * same-origin (it sees plain http and the proxy's upstream host), so it answered 403. The rest of
 * the policy (allowed and exposed headers, no credentials) is fixed in application.properties;
 * all of it is read at run time.
 */
public class CorsConfigSourceFactory implements ConfigSourceFactory {
  static final String ORIGINS = "satchel.cors.origins";
  static final String PUBLIC_BASE_URL = "satchel.public-base-url";
  private static final int ORDINAL = 275;

  @Override
  public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
    ConfigValue origins = context.getValue(ORIGINS);
    ConfigValue publicBaseUrl = context.getValue(PUBLIC_BASE_URL);
    Map<String, String> settings = settings(origins == null ? null : origins.getValue(),
        publicBaseUrl == null ? null : publicBaseUrl.getValue());
    return settings.isEmpty() ? List.of() : List.of(new MapBackedConfigSource("satchel-cors", settings, ORDINAL) {});
  }

  /**
   * The Quarkus CORS settings for a comma-separated origin list, plus the origin of
   * {@code publicBaseUrl} (RFC 6454 section 4: scheme, host and any explicit port) when that is
   * an absolute http(s) URL; empty when the list names no origin.
   */
  static Map<String, String> settings(String originList, String publicBaseUrl) {
    Set<String> origins = originList == null ? new LinkedHashSet<>() : Arrays.stream(originList.split(","))
        .map(String::strip)
        .filter(origin -> !origin.isEmpty())
        .collect(Collectors.toCollection(LinkedHashSet::new));
    if (origins.isEmpty()) {
      return Map.of();
    }
    originOf(publicBaseUrl).ifPresent(origins::add);
    return Map.of("quarkus.http.cors.enabled", "true", "quarkus.http.cors.origins", String.join(",", origins));
  }

  private static Optional<String> originOf(String url) {
    try {
      URI uri = new URI(url == null ? "" : url.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        return Optional.empty();
      }
      String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
      return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + port);
    } catch (URISyntaxException notAUrl) {
      return Optional.empty(); // then it names no origin to add
    }
  }

  @Override
  public OptionalInt getPriority() {
    return OptionalInt.of(ORDINAL);
  }
}
