package dev.satchel.bootstrap.config;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Turns Quarkus's CORS filter on only when {@code SATCHEL_CORS_ORIGINS} ({@code satchel.cors.origins})
 * lists origins, and hands it exactly those. With none, the filter stays off and no request, from
 * any origin, gets CORS headers; an enabled filter without origins would instead admit same-origin
 * requests and answer others 403. The rest of the policy (allowed and exposed headers, no
 * credentials) is fixed in application.properties; all of it is read at run time.
 */
public class CorsConfigSourceFactory implements ConfigSourceFactory {
  static final String ORIGINS = "satchel.cors.origins";
  private static final int ORDINAL = 275;

  @Override
  public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
    ConfigValue origins = context.getValue(ORIGINS);
    Map<String, String> settings = settings(origins == null ? null : origins.getValue());
    return settings.isEmpty() ? List.of() : List.of(new MapBackedConfigSource("satchel-cors", settings, ORDINAL) {});
  }

  /** The Quarkus CORS settings for a comma-separated origin list; empty when it names none. */
  static Map<String, String> settings(String originList) {
    String origins = originList == null ? "" : Arrays.stream(originList.split(","))
        .map(String::strip)
        .filter(origin -> !origin.isEmpty())
        .collect(Collectors.joining(","));
    if (origins.isEmpty()) {
      return Map.of();
    }
    return Map.of("quarkus.http.cors.enabled", "true", "quarkus.http.cors.origins", origins);
  }

  @Override
  public OptionalInt getPriority() {
    return OptionalInt.of(ORDINAL);
  }
}
