package dev.satchel.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CorsConfigSourceFactoryTest {
  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   ", ",", " , ,\t"})
  void noOriginsLeaveTheFilterOff(String origins) {
    assertThat(CorsConfigSourceFactory.settings(origins, "https://files.example.org")).isEmpty();
  }

  @Test
  void originsAreTrimmedAndEnableTheFilter() {
    assertThat(CorsConfigSourceFactory.settings(" https://a.example ,, https://b.example:8443 ", null)).isEqualTo(Map.of(
        "quarkus.http.cors.enabled", "true",
        "quarkus.http.cors.origins", "https://a.example,https://b.example:8443"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "https://files.example.org                 | https://files.example.org",
      "https://Files.Example.org/                | https://files.example.org",
      "HTTPS://files.example.org:8443/satchel/x  | https://files.example.org:8443",
      "http://localhost:8080                     | http://localhost:8080",
  })
  void theServicesOwnPublicOriginIsAllowedWhenTheFilterIsOn(String publicBaseUrl, String origin) {
    assertThat(CorsConfigSourceFactory.settings("https://a.example", publicBaseUrl))
        .containsEntry("quarkus.http.cors.origins", "https://a.example," + origin);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "files.example.org", "ftp://files.example.org", "https://", "http://[::1", "${X}"})
  void aPublicBaseUrlWithoutAnHttpOriginAddsNothing(String publicBaseUrl) {
    assertThat(CorsConfigSourceFactory.settings("https://a.example", publicBaseUrl))
        .containsEntry("quarkus.http.cors.origins", "https://a.example");
  }

  @Test
  void aListedPublicOriginIsNotRepeated() {
    assertThat(CorsConfigSourceFactory.settings("https://files.example.org", "https://files.example.org/"))
        .containsEntry("quarkus.http.cors.origins", "https://files.example.org");
  }
}
