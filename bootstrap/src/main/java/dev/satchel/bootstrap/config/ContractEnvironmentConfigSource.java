package dev.satchel.bootstrap.config;

import io.quarkus.runtime.configuration.ConfigurationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Maps the contract's environment names that need translation onto Quarkus settings:
 * {@code DATABASE_URL} as a {@code postgresql://user:pass@host:port/db} URL or a JDBC URL, and
 * {@code S3_ENDPOINT}. It sits above application.properties and below real Quarkus variables.
 */
public class ContractEnvironmentConfigSource implements ConfigSource {
  private static final int ORDINAL = 275;

  private final Map<String, String> properties;

  public ContractEnvironmentConfigSource() {
    this(System.getenv());
  }

  ContractEnvironmentConfigSource(Map<String, String> environment) {
    Map<String, String> mapped = new HashMap<>();
    String databaseUrl = environment.get("DATABASE_URL");
    if (databaseUrl != null && !databaseUrl.isBlank()) {
      mapped.putAll(datasource(databaseUrl.strip()));
    }
    String s3Endpoint = environment.get("S3_ENDPOINT");
    if (s3Endpoint != null && !s3Endpoint.isBlank()) {
      mapped.put("quarkus.s3.endpoint-override", s3Endpoint.strip());
    }
    this.properties = Map.copyOf(mapped);
  }

  /**
   * Datasource settings for a PostgreSQL URL in either form.
   *
   * @throws ConfigurationException when it is neither; the message never repeats the value, which
   *     may hold a password
   */
  static Map<String, String> datasource(String url) {
    if (url.startsWith("jdbc:")) {
      return Map.of("quarkus.datasource.jdbc.url", url);
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw invalidDatabaseUrl(e.getReason() + " at index " + e.getIndex());
    }
    if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
      throw invalidDatabaseUrl("it must start with postgresql:// (or be a jdbc:postgresql: URL)");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw invalidDatabaseUrl("it names no host");
    }
    Map<String, String> result = new HashMap<>();
    int port = uri.getPort() > 0 ? uri.getPort() : 5432;
    String database = uri.getRawPath() == null || uri.getRawPath().length() <= 1 ? "postgres" : uri.getRawPath().substring(1);
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    result.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://" + uri.getHost() + ":" + port + "/" + database + query);
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      result.put("quarkus.datasource.username", decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
      if (colon >= 0) {
        result.put("quarkus.datasource.password", decode(userInfo.substring(colon + 1)));
      }
    }
    return result;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalidDatabaseUrl("its user or password has a malformed %-escape");
    }
  }

  /** Quarkus prints a ConfigurationException as one line, without a stack trace. */
  private static ConfigurationException invalidDatabaseUrl(String why) {
    return new ConfigurationException("DATABASE_URL is not usable: " + why
        + " (expected postgresql://user:password@host:5432/database)");
  }

  @Override
  public Set<String> getPropertyNames() {
    return properties.keySet();
  }

  @Override
  public String getValue(String propertyName) {
    return properties.get(propertyName);
  }

  @Override
  public String getName() {
    return "satchel-contract-environment";
  }

  @Override
  public int getOrdinal() {
    return ORDINAL;
  }
}
